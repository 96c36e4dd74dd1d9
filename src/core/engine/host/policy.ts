/**
 * What each policy answers when the guest reaches for something nondeterministic or outside its
 * grants, as a table: per policy and kind of access, the answer (real host value, virtual value,
 * or denial) and whether it is a violation. A violation never throws inside the import (a throw
 * poisons StarlingMonkey instances): the guest gets the answer, the ledger marks it, and the runner
 * fails the call after it returns.
 */
import type { Grants, HostConfig, PolicyName } from '../types.js';
import type { Answer, Ledger } from './ledger.js';

/** The kinds of access a policy rules on. */
export type Access = 'wall-clock' | 'monotonic-clock' | 'random' | 'network' | 'filesystem-denied';

interface Rule {
  answer: Answer;
  violation: boolean;
}

/** A kind whose rule depends on a grant has both rules; the others have one. */
type Ruling = Rule | { granted: Rule; ungranted: Rule };

const virtual: Rule = { answer: 'virtual', violation: false };
const host: Rule = { answer: 'host', violation: false };
const forbidden: Rule = { answer: 'virtual', violation: true };
const denied: Rule = { answer: 'denied', violation: false };
const deniedViolation: Rule = { answer: 'denied', violation: true };

const RULES: Record<PolicyName, Record<Access, Ruling>> = {
  strict: {
    'wall-clock': { granted: virtual, ungranted: forbidden },
    // Every StarlingMonkey call reads the monotonic clock, so it is virtual and never a violation.
    'monotonic-clock': virtual,
    random: { granted: virtual, ungranted: forbidden },
    network: deniedViolation,
    'filesystem-denied': deniedViolation,
  },
  virtual: {
    'wall-clock': virtual,
    'monotonic-clock': virtual,
    random: virtual,
    network: denied,
    'filesystem-denied': denied,
  },
  dev: {
    'wall-clock': host,
    'monotonic-clock': host,
    random: host,
    network: denied,
    'filesystem-denied': denied,
  },
};

/** The grant that decides a kind's ruling, when one does. */
const GRANT: Partial<Record<Access, keyof Pick<Grants, 'clock' | 'random'>>> = {
  'wall-clock': 'clock',
  random: 'random',
};

/** Rules on each access and writes it to the ledger. */
export class Gate {
  readonly #rules: Record<Access, Rule>;
  readonly #ledger: Ledger;

  constructor(config: HostConfig, ledger: Ledger) {
    this.#ledger = ledger;
    const table = RULES[config.policy];
    const rules = {} as Record<Access, Rule>;
    for (const access of Object.keys(table) as Access[]) {
      const ruling = table[access];
      const grant = GRANT[access];
      rules[access] = 'answer' in ruling ? ruling : grant && config.grants[grant] ? ruling.granted : ruling.ungranted;
    }
    this.#rules = rules;
  }

  /** The answer the host gives for `access` (without recording it). */
  answer(access: Access): Answer {
    return this.#rules[access].answer;
  }

  /** Records one use of `call` (e.g. `wasi:clocks/wall-clock#now`) and returns how to answer it. */
  use(call: string, access: Access, bytes = 0): Answer {
    const rule = this.#rules[access];
    this.#ledger.record(call, rule.answer, rule.violation, bytes);
    return rule.answer;
  }
}
