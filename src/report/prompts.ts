// Terminal questions through @inquirer/prompts, loaded only when a question is really asked (keeps start-up fast).

/** The subset of @inquirer/prompts the wizard uses (same call shapes), injectable for tests. */
export interface WizardPrompts {
  select<T>(o: {
    message: string;
    choices: Array<{ name: string; value: T; description?: string }>;
    default?: T;
  }): Promise<T>;
  checkbox<T>(o: { message: string; choices: Array<{ name: string; value: T; checked?: boolean }> }): Promise<T[]>;
  input(o: { message: string; default?: string; validate?: (v: string) => boolean | string }): Promise<string>;
  confirm(o: { message: string; default?: boolean }): Promise<boolean>;
  password(o: { message: string; mask?: string }): Promise<string>;
}

/** Loads @inquirer/prompts as the wizard's prompts. */
export async function loadPrompts(): Promise<WizardPrompts> {
  const p = await import('@inquirer/prompts');
  return p as unknown as WizardPrompts;
}

/** Asks one yes/no question on the terminal (default yes). */
export async function askConfirm(message: string): Promise<boolean> {
  const { confirm } = await import('@inquirer/prompts');
  return confirm({ message, default: true });
}
