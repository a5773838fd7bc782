import { Injectable } from '@nestjs/common';
import { Resvg } from '@resvg/resvg-js';
import { localDate } from '../common/validation/dates';
import { canDrawStar, pickLanguage } from '../empowerment/instrument';
import { renderStar, StarInputError } from '../empowerment/star-svg';
import { AuditService } from '../privacy/audit.service';
import { TrajectoriesService } from '../trajectories/trajectories.service';
import { AssessmentsService } from './assessments.service';
import { assessmentNotFound, noAssessmentToDraw } from './assessments.errors';
import { StarQuery } from './dto/assessment.dto';
import { legendLabel, pickSeries } from './star-compare';

export type StarFormat = 'svg' | 'png';

/** The star (radar) diagram of a trajectory's assessments, as scores are: case scope. */
@Injectable()
export class AssessmentStarService {
  constructor(
    private readonly trajectories: TrajectoriesService,
    private readonly assessments: AssessmentsService,
    private readonly audit: AuditService,
  ) {}

  async svg(trajectoryId: string, query: StarQuery, acceptLanguage: string | undefined): Promise<string> {
    return this.render(trajectoryId, query, acceptLanguage, 'svg');
  }

  /** The same picture as PNG, for mail and print shops that take no SVG. Fonts come from the system (DejaVu). */
  async png(trajectoryId: string, query: StarQuery, acceptLanguage: string | undefined): Promise<Buffer> {
    const svg = await this.render(trajectoryId, query, acceptLanguage, 'png');
    const resvg = new Resvg(svg, {
      font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
      background: '#ffffff',
    });
    return resvg.render().asPng();
  }

  private async render(
    trajectoryId: string,
    query: StarQuery,
    acceptLanguage: string | undefined,
    format: StarFormat,
  ): Promise<string> {
    const { trajectory, scope } = await this.trajectories.load(trajectoryId, 'case');
    const history = await this.assessments.history(trajectoryId, query.instrument);
    const picked = pickSeries(history, query.compare.split(','));
    if (!Array.isArray(picked)) {
      throw picked.problem === 'no_baseline' ? noAssessmentToDraw() : assessmentNotFound();
    }
    const instruments = await this.assessments.instrumentsOf(picked);
    const instrument = instruments.get(picked.at(-1)!.instrumentId)!;
    if (!canDrawStar(instrument)) {
      throw new StarInputError(
        `${instrument.key} has ${instrument.dimensions.length} dimension(s); a star needs at least 3.`,
      );
    }
    const lang = pickLanguage(acceptLanguage);
    const svg = renderStar({
      dimensions: instrument.dimensions,
      scaleMin: instrument.scaleMin,
      scaleMax: instrument.scaleMax,
      lang,
      title: instrument.name[lang],
      series: picked.map((a) => ({
        label: legendLabel(a.kind, localDate(a.takenAt), lang),
        scores: a.scores,
      })),
    });
    await this.audit.record({
      action: 'read',
      resourceType: 'assessment.star',
      resourceId: trajectoryId,
      participantId: trajectory.participantId,
      scope,
      details: { instrument: query.instrument, assessments: picked.map((a) => a.id), format, lang },
    });
    return svg;
  }
}
