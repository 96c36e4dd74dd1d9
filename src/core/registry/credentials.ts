/** Where the publish token comes from, in upstream's order: flag/input, then RUN_AUTH_TOKEN, then run.toml. */
export interface TokenSources {
  /** `--token` on the CLI, the `token` input in the action. */
  explicit?: string;
  env: NodeJS.ProcessEnv;
  /** run.toml `[registry].auth_token` (discouraged: it commits a secret). */
  config?: string;
}

export function resolveToken(sources: TokenSources): { token: string; from: 'explicit' | 'RUN_AUTH_TOKEN' | 'run.toml' } | undefined {
  if (sources.explicit) return { token: sources.explicit, from: 'explicit' };
  if (sources.env.RUN_AUTH_TOKEN) return { token: sources.env.RUN_AUTH_TOKEN, from: 'RUN_AUTH_TOKEN' };
  if (sources.config) return { token: sources.config, from: 'run.toml' };
  return undefined;
}
