/**
 * When publishing may run: on a `refs/tags/v<semver>` ref whose version is run.toml's version,
 * never for a pull request. A pure function of the event, shared by the action and the CLI.
 */
import { NotOnTagError, PublishOnPullRequestError, TagVersionMismatchError } from './errors.js';
import { isValidVersion } from './naming.js';

export interface PublishTrigger {
  /** GITHUB_EVENT_NAME, or undefined outside Actions. */
  eventName: string | undefined;
  /** GITHUB_REF (or the CLI's --ref), e.g. `refs/tags/v1.2.0`. */
  ref: string | undefined;
}

/** Events whose code comes from a pull request: publishing from them would hand the token to unreviewed code. */
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment']);

const HOW_TO_TAG = "publish from a workflow triggered by `push: tags: ['v*']` (or pass --ref refs/tags/v<version> to the CLI)";

/** Returns the tag (`v1.2.0`) when publishing may proceed; throws a named error saying why not otherwise. */
export function checkPublishTrigger(trigger: PublishTrigger, projectVersion: string, runToml: string): string {
  if (trigger.eventName && PULL_REQUEST_EVENTS.has(trigger.eventName)) {
    throw new PublishOnPullRequestError(`publishing never runs on '${trigger.eventName}' events`, { hint: HOW_TO_TAG });
  }
  if (!trigger.ref) throw new NotOnTagError('publishing runs only on a tag, and this run has no ref', { hint: HOW_TO_TAG });
  if (!trigger.ref.startsWith('refs/tags/')) {
    throw new NotOnTagError(`publishing runs only on a tag refs/tags/v<semver>, not on ${trigger.ref}`, { hint: HOW_TO_TAG });
  }
  const tag = trigger.ref.slice('refs/tags/'.length);
  const version = /^v(.+)$/.exec(tag)?.[1];
  if (version === undefined || !isValidVersion(version)) {
    throw new NotOnTagError(`tag '${tag}' is not v<semver> (e.g. v1.2.0)`, { hint: HOW_TO_TAG });
  }
  if (version !== projectVersion) throw new TagVersionMismatchError(tag, projectVersion, runToml);
  return tag;
}
