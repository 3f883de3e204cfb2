import type { ProjectModel } from '../../appwrite/project-model.js';

/** A problem inside a readable project file: the analysis goes on, the problem becomes a finding. */
export interface ConfigProblem {
  kind: 'invalid-value' | 'invalid-permission' | 'invalid-include';
  path: string;
  line?: number;
  message: string;
  resource?: { type: string; id: string };
}

/** A project file that exists but could not be read or parsed: nothing in it was judged. */
export interface ConfigFailure {
  path: string;
  line?: number;
  column?: number;
  message: string;
}

export interface AppwriteProjectFacts {
  /** One per project file read (appwrite.config.json, appwrite.json), with its includes merged. */
  projects: ProjectModel[];
  problems: ConfigProblem[];
  failures: ConfigFailure[];
}

declare module '../../core/facts.js' {
  interface Facts {
    'appwrite-project': AppwriteProjectFacts;
  }
}

declare module '../../core/collector.js' {
  interface AuditInputs {
    /** `--appwrite-config FILE` (repeatable): audit these project files instead of discovering them. */
    appwriteConfig?: string | string[];
  }
}
