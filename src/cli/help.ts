import type { Help, Option } from 'commander';
import { t } from '../i18n/index.js';

const TITLES: Record<string, string> = {
  'Usage:': 'cli:help.usage',
  'Arguments:': 'cli:help.arguments',
  'Options:': 'cli:help.options',
  'Commands:': 'cli:help.commands',
  'Global Options:': 'cli:help.globalOptions',
};

/**
 * Commander writes its help headings and option notes in English; these overrides take them
 * from locales/ so the help screen speaks the user's language like every other message.
 */
export function localizedHelp(): Partial<Help> {
  return {
    styleTitle: (title: string) => (TITLES[title] ? t(TITLES[title]) : title),
    optionDescription(option: Option): string {
      const extra: string[] = [];
      if (option.argChoices) extra.push(t('cli:help.choices', { list: option.argChoices.join(t('cli:help.listSeparator')) }));
      const showDefault = option.defaultValue !== undefined && (option.required || option.optional);
      if (showDefault) extra.push(t('cli:help.default', { value: option.defaultValueDescription ?? String(option.defaultValue) }));
      return extra.length ? `${option.description} (${extra.join(t('cli:help.noteSeparator'))})` : option.description;
    },
  };
}
