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
      'en',
    );
    expect(md).toContain('# Case meeting Team Noord');
    expect(md).toContain('- When: 2026-03-10 10:00 (Brussels time)');
    expect(md).toContain('- An Peeters (VDAB)');
    expect(md).toContain('### 1. Ayşe Öztürk');
    expect(md).toContain('- Basis: participant present');
    expect(md).toContain('- Referral: training to vdab (submitted)');
    expect(md).toContain('> Zoekt werk\n> in de zorg');
    expect(md).toContain('- [ ] Bel VDAB — An Peeters, due 2026-03-17');
  });

  it('says so when the caller may see no item', () => {
    expect(renderAgendaMarkdown(agenda(), 'en')).toContain('_No items you may see._');
    expect(renderAgendaMarkdown(agenda())).toContain('_Geen agendapunten die u mag zien._');
  });

  it('escapes Markdown in text that people typed', () => {
    const md = renderAgendaMarkdown({
      ...agenda(),
      meeting: { ...agenda().meeting, location: '# [link](x) | *bold*' },
    });
    expect(md).toContain('- Waar: \\# \\[link\\](x) \\| \\*bold\\*');
  });

  it('is Dutch by default, with the time in Brussels: a 13:30 meeting is not printed as 12:30Z', () => {
    const md = renderAgendaMarkdown({
      ...agenda(),
      meeting: { ...agenda().meeting, scheduledAt: '2026-12-03T12:30:00.000Z' },
    });
    expect(md).toContain('# Casusoverleg Team Noord');
    expect(md).toContain('- Wanneer: 2026-12-03 13:30 (Brusselse tijd)');
    expect(md).not.toContain('12:30');
    expect(md).toContain('## Aanwezigen');
  });

  it('dates an action due just after midnight in Brussels on the Brussels day', () => {
    const md = renderAgendaMarkdown(
      agenda([
        {
          itemId: 'i1',
          participant: { id: 'p1', firstName: 'Jan', lastName: 'Smet' },
          trajectoryId: 't1',
          trajectoryStatus: null,
          participantPresent: false,
          basis: 'consent',
          summary: null,
          decisions: null,
          referral: null,
          actions: [
            {
              id: 'a1',
              description: 'Bellen',
              ownerStaffId: 's1',
              ownerName: null,
              dueAt: '2026-06-30T22:30:00.000Z',
              completedAt: null,
            },
          ],
        },
      ]),
    );
    expect(md).toContain('- Grond: toestemming casusoverleg');
    expect(md).toContain('- [ ] Bellen — s1, uiterlijk 2026-07-01');
  });
});
