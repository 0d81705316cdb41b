import type { PathContext } from './environment.js';
import type { ValueType } from './value-types.js';

/** What a default may depend on. */
export interface DefaultContext extends PathContext {
  /** pyhabot's own version, for the User-Agent. */
  readonly version: string;
}

/** One setting: how it is checked, its default, and where else it may come from. */
export interface KeyDefinition<T> {
  readonly type: ValueType<T>;
  /**
   * A function so that derived defaults can see the environment and lists are never shared between loads.
   * `NoInfer` makes the value type alone decide `T`, so `() => 'warn'` cannot widen a level to any string.
   */
  readonly default: (context: DefaultContext) => NoInfer<T>;
  /** One line for `pyhabot config`, `.pyhabotrc.example` and the README. */
  readonly description: string;
  /** Secret values are masked wherever they are shown and never quoted in problems. */
  readonly secret: boolean;
  /** Environment variables that set the key, highest precedence first; each also has a `<VAR>_FILE` form. */
  readonly env: readonly string[];
  /** The command-line flag that sets the key, if there is one. */
  readonly flag?: string;
}

/** Types the default against the value type, which a plain object literal would not. */
export function defineKey<T>(definition: KeyDefinition<T>): KeyDefinition<T> {
  return definition;
}
