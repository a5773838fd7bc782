import type { ParticipantFeedbackSection } from '../participant-feedback';
import type { Sheet } from './quarterly-sheets';

/** The quarterly report's participant feedback as one sheet: the figures, then the texts (if listed). */
export function feedbackSheets(f: ParticipantFeedbackSection): Sheet[] {
  return [
    {
      name: 'Participant feedback',
      rows: [
        ['measure', 'value'],
        ['responses', f.responses],
        ['mean satisfaction', f.meanSatisfaction],
        ...Object.entries(f.distribution).map(([score, n]) => [`satisfaction ${score}`, n]),
        ['texts listed', f.texts !== null],
        [],
        ['definition', f.definition],
        [],
        ...(f.texts ?? []).map((text) => ['text', text]),
      ],
    },
  ];
}
