import type { JsonLeaf } from './json.js';
import { pluralCategories } from './plurals.js';

const PLURAL_KEY = /^(.*?)(_ordinal)?_(zero|one|two|few|many|other)$/u;

/** A plural form the target language needs and the source lacks: written after `after`, from the `other` form's source. */
export interface AddedForm {
  path: string[];
  form: string;
  after: JsonLeaf;
  from: JsonLeaf;
}

export interface PluralPlan {
  /** forms the target language does not have: left out of the translated file */
  dropped: Set<JsonLeaf>;
  added: AddedForm[];
}

/**
 * i18next looks up `key_<category>` by the CLDR category of the count in the language being shown,
 * so a translated file carries the target language's forms, not the source's: Japanese only
 * `_other`, Arabic all six. A family is the siblings `base_<form>` of one object that include `_other`.
 */
export function planPluralForms(leaves: readonly JsonLeaf[], targetLang: string): PluralPlan {
  const families = new Map<string, { base: string; ordinal: boolean; parent: string[]; members: Map<string, JsonLeaf> }>();
  for (const leaf of leaves) {
    const last = leaf.path[leaf.path.length - 1];
    const m = last === undefined || !leaf.member ? null : PLURAL_KEY.exec(last);
    if (!m || m[1] === '') continue;
    const parent = leaf.path.slice(0, -1);
    const id = JSON.stringify([...parent, m[1], m[2] ?? '']);
    let family = families.get(id);
    if (!family) families.set(id, (family = { base: m[1]!, ordinal: m[2] !== undefined, parent, members: new Map() }));
    family.members.set(m[3]!, leaf);
  }
  const dropped = new Set<JsonLeaf>();
  const added: AddedForm[] = [];
  for (const family of families.values()) {
    const other = family.members.get('other');
    if (!other) continue;
    const required = pluralCategories(targetLang, family.ordinal);
    for (const [form, leaf] of family.members) if (!required.includes(form)) dropped.add(leaf);
    const kept = [...family.members.values()].filter((leaf) => !dropped.has(leaf));
    const after = kept.reduce((a, b) => (b.end > a.end ? b : a));
    for (const form of required)
      if (!family.members.has(form))
        added.push({ path: [...family.parent, `${family.base}${family.ordinal ? '_ordinal' : ''}_${form}`], form, after, from: other });
  }
  return { dropped, added };
}
