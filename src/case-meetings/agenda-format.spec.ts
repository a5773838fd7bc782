import { CaseMeetingAgenda, renderAgendaMarkdown } from './agenda-format';

const agenda = (items: CaseMeetingAgenda['items'] = []): CaseMeetingAgenda => ({
  meeting: {
    id: 'm1',
    teamId: 't1',
    teamName: 'Team Noord',
    scheduledAt: '2026-03-10T09:00:00.000Z',
    location: 'Rabot, zaal 2',
  },
  attendees: [{ staffId: 's1', name: 'An Peeters', organisationName: 'VDAB' }],
  items,
});

describe('renderAgendaMarkdown', () => {
  it('prints the meeting, the attendees and each item with its actions', () => {
    const md = renderAgendaMarkdown(
      agenda([
        {
          itemId: 'i1',
          participant: { id: 'p1', firstName: 'Ayşe', lastName: 'Öztürk' },
          trajectoryId: 't1',
          trajectoryStatus: 'begeleiding',
          participantPresent: true,
          basis: 'present',
          summary: 'Zoekt werk\nin de zorg',
          decisions: null,
          referral: { id: 'r1', target: 'vdab', kind: 'training', state: 'submitted' },
          actions: [
            {
              id: 'a1',
              description: 'Bel VDAB',
              ownerStaffId: 's1',
              ownerName: 'An Peeters',
              dueAt: '2026-03-17T09:00:00.000Z',
              completedAt: null,
            },
          ],
        },
      ]),
    );
    expect(md).toContain('# Casusoverleg Team Noord');
    expect(md).toContain('- An Peeters (VDAB)');
    expect(md).toContain('### 1. Ayşe Öztürk');
    expect(md).toContain('- Basis: participant present');
    expect(md).toContain('- Referral: training to vdab (submitted)');
    expect(md).toContain('> Zoekt werk\n> in de zorg');
    expect(md).toContain('- [ ] Bel VDAB — An Peeters, due 2026-03-17');
  });

  it('says so when the caller may see no item', () => {
    expect(renderAgendaMarkdown(agenda())).toContain('_No items you may see._');
  });

  it('escapes Markdown in text that people typed', () => {
    const md = renderAgendaMarkdown({
      ...agenda(),
      meeting: { ...agenda().meeting, location: '# [link](x) | *bold*' },
    });
    expect(md).toContain('- Where: \\# \\[link\\](x) \\| \\*bold\\*');
  });
});
