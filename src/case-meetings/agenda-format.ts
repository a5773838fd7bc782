import { DEFAULT_LANG, formatLocalDateTime, Lang, localDateOf, Texts } from '../common/i18n/lang';

export interface CaseMeetingAgenda {
  meeting: { id: string; teamId: string; teamName: string; scheduledAt: string; location: string };
  attendees: { staffId: string; name: string; organisationName: string }[];
  items: {
    itemId: string;
    participant: { id: string; firstName: string; lastName: string };
    trajectoryId: string;
    trajectoryStatus: string | null;
    participantPresent: boolean;
    basis: 'consent' | 'present';
    summary: string | null;
    decisions: string | null;
    referral: { id: string; target: string; kind: string; state: string } | null;
    actions: {
      id: string;
      description: string;
      ownerStaffId: string;
      ownerName: string | null;
      dueAt: string;
      completedAt: string | null;
    }[];
  }[];
}

/** Inline text from people: no heading, list or table syntax can break out of its line. */
const inline = (s: string) => s.replace(/\s+/g, ' ').replace(/([\\`*_[\]#<>|])/g, '\\$1');
const block = (s: string) =>
  s
    .split(/\r?\n/)
    .map((line) => `> ${inline(line)}`)
    .join('\n');

const AGENDA_TEXTS = {
  title: { nl: 'Casusoverleg', en: 'Case meeting' },
  when: { nl: 'Wanneer', en: 'When' },
  where: { nl: 'Waar', en: 'Where' },
  attendees: { nl: 'Aanwezigen', en: 'Attendees' },
  items: { nl: 'Agendapunten', en: 'Items' },
  noItems: { nl: '_Geen agendapunten die u mag zien._', en: '_No items you may see._' },
  trajectory: { nl: 'Traject', en: 'Trajectory' },
  unknown: { nl: 'onbekend', en: 'unknown' },
  basis: { nl: 'Grond', en: 'Basis' },
  present: { nl: 'deelnemer aanwezig', en: 'participant present' },
  consent: { nl: 'toestemming casusoverleg', en: 'case_meeting consent' },
  referral: { nl: 'Doorverwijzing', en: 'Referral' },
  to: { nl: 'naar', en: 'to' },
  summary: { nl: 'Samenvatting', en: 'Summary' },
  decisions: { nl: 'Beslissingen', en: 'Decisions' },
  actions: { nl: 'Acties', en: 'Actions' },
  due: { nl: 'uiterlijk', en: 'due' },
} satisfies Record<string, Texts>;

/**
 * The agenda as a printable Markdown page for the meeting itself, in the reader's language, with
 * times as people in Brussels read them (the API's own fields stay UTC instants).
 */
export function renderAgendaMarkdown(a: CaseMeetingAgenda, lang: Lang = DEFAULT_LANG): string {
  const t = (key: keyof typeof AGENDA_TEXTS) => AGENDA_TEXTS[key][lang];
  const lines: string[] = [
    `# ${t('title')} ${inline(a.meeting.teamName)}`,
    '',
    `- ${t('when')}: ${formatLocalDateTime(a.meeting.scheduledAt, lang)}`,
    `- ${t('where')}: ${inline(a.meeting.location)}`,
    '',
    `## ${t('attendees')}`,
    '',
    ...a.attendees.map((x) => `- ${inline(x.name)} (${inline(x.organisationName)})`),
    '',
    `## ${t('items')}`,
  ];
  if (a.items.length === 0) lines.push('', t('noItems'));
  a.items.forEach((item, n) => {
    const who = `${inline(item.participant.firstName)} ${inline(item.participant.lastName)}`;
    lines.push('', `### ${n + 1}. ${who}`, '');
    lines.push(`- ${t('trajectory')}: ${item.trajectoryStatus ?? t('unknown')}`);
    lines.push(`- ${t('basis')}: ${item.basis === 'present' ? t('present') : t('consent')}`);
    if (item.referral)
      lines.push(
        `- ${t('referral')}: ${item.referral.kind} ${t('to')} ${item.referral.target} (${item.referral.state})`,
      );
    if (item.summary) lines.push('', `**${t('summary')}**`, '', block(item.summary));
    if (item.decisions) lines.push('', `**${t('decisions')}**`, '', block(item.decisions));
    if (item.actions.length) {
      lines.push('', `**${t('actions')}**`, '');
      for (const act of item.actions)
        lines.push(
          `- [${act.completedAt ? 'x' : ' '}] ${inline(act.description)} — ${inline(act.ownerName ?? act.ownerStaffId)}, ${t('due')} ${localDateOf(act.dueAt)}`,
        );
    }
  });
  return `${lines.join('\n')}\n`;
}

/** JSON by default; Markdown when the client asks for it first (Accept: text/markdown). */
export function wantsMarkdown(accept: string | undefined): boolean {
  return !!accept && /\btext\/markdown\b/i.test(accept);
}
