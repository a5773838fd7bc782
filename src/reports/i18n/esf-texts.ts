import { Lang } from '../../common/i18n/lang';
import { EsfIndicator } from '../esf-indicators';
import { suppressionRule } from '../suppression';
import { reportText } from './localise';

export const ESF_SOURCE: Record<Lang, string> = {
  en: 'Regulation (EU) 2021/1057 (ESF+), Annex I; indicator codes as used in SFC2021. Definitions and mapping rules per indicator.',
  nl: 'Verordening (EU) 2021/1057 (ESF+), bijlage I; indicatorcodes zoals in SFC2021. Definitie en koppelingsregels per indicator.',
};

const SUPPRESSION_RULE_NL = (minCell: number) =>
  `Bijzondere categorie: enkel gerapporteerd voor periodes van minstens één kwartaal (kortere periodes geven null), en aantallen onder ${minCell} worden onderdrukt (null), samen met de volgende kleinste cel, zodat geen onderdrukt aantal uit het totaal te berekenen is.`;

/** The indicator's definition in `lang`, with the small-cell rule added for a special category. */
export function indicatorDefinition(i: EsfIndicator, lang: Lang, minCell: number): string {
  const base = reportText(i.definition, lang);
  if (!i.specialCategory) return base;
  return `${base} ${lang === 'nl' ? SUPPRESSION_RULE_NL(minCell) : suppressionRule(minCell)}`;
}
