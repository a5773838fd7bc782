import type { FastifyReply } from 'fastify';

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

/** The agenda as a printable Markdown page for the meeting itself. */
export function renderAgendaMarkdown(a: CaseMeetingAgenda): string {
  const lines: string[] = [
    `# Casusoverleg ${inline(a.meeting.teamName)}`,
    '',
    `- When: ${a.meeting.scheduledAt}`,
    `- Where: ${inline(a.meeting.location)}`,
    '',
    '## Attendees',
    '',
    ...a.attendees.map((x) => `- ${inline(x.name)} (${inline(x.organisationName)})`),
    '',
    '## Items',
  ];
  if (a.items.length === 0) lines.push('', '_No items you may see._');
  a.items.forEach((item, n) => {
    const who = `${inline(item.participant.firstName)} ${inline(item.participant.lastName)}`;
    lines.push('', `### ${n + 1}. ${who}`, '');
    lines.push(`- Trajectory: ${item.trajectoryStatus ?? 'unknown'}`);
    lines.push(`- Basis: ${item.basis === 'present' ? 'participant present' : 'case_meeting consent'}`);
    if (item.referral)
      lines.push(`- Referral: ${item.referral.kind} to ${item.referral.target} (${item.referral.state})`);
    if (item.summary) lines.push('', '**Summary**', '', block(item.summary));
    if (item.decisions) lines.push('', '**Decisions**', '', block(item.decisions));
    if (item.actions.length) {
      lines.push('', '**Actions**', '');
      for (const act of item.actions)
        lines.push(
          `- [${act.completedAt ? 'x' : ' '}] ${inline(act.description)} — ${inline(act.ownerName ?? act.ownerStaffId)}, due ${act.dueAt.slice(0, 10)}`,
        );
    }
  });
  return `${lines.join('\n')}\n`;
}

/** JSON by default; Markdown when the client asks for it first (Accept: text/markdown). */
export function negotiateAgenda(reply: FastifyReply, accept: string | undefined, agenda: CaseMeetingAgenda) {
  if (!accept || !/\btext\/markdown\b/i.test(accept)) return agenda;
  reply.type('text/markdown; charset=utf-8');
  return renderAgendaMarkdown(agenda);
}
