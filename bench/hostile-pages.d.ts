/** One hostile listing page and the verdict the parser must give it. */
export interface HostilePage {
  name: string;
  verdict: 'results' | 'empty' | 'unrecognized';
  html: string;
}

/** The hostile pages, each about `bytes` long. */
export function hostilePages(bytes: number): HostilePage[];
