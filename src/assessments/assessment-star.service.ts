import { Injectable } from '@nestjs/common';
import { Resvg } from '@resvg/resvg-js';
import { localDate } from '../common/validation/dates';
import { canDrawStar, DEFAULT_RELEASE_THRESHOLD, pickLanguage } from '../empowerment/instrument';
import { ReleaseInputError, renderRelease } from '../empowerment/release-svg';
import { withOtherPerspectives } from '../empowerment/perspective';
import { renderStar, STAR_MAX_SERIES, StarInputError } from '../empowerment/star-svg';
import { AuditService } from '../privacy/audit.service';
import { TrajectoriesService } from '../trajectories/trajectories.service';
import { AssessmentsService } from './assessments.service';
import { assessmentNotFound, noAssessmentToDraw } from './assessments.errors';
import { ReleaseQuery, StarQuery } from './dto/assessment.dto';
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
    return toPng(await this.render(trajectoryId, query, acceptLanguage, 'png'));
  }

  /** The release scale over time (SVG): every measurement per perspective, and the threshold. */
  async releaseSvg(trajectoryId: string, query: ReleaseQuery, acceptLanguage: string | undefined) {
    return this.renderRelease(trajectoryId, query, acceptLanguage, 'svg');
  }

  async releasePng(trajectoryId: string, query: ReleaseQuery, acceptLanguage: string | undefined) {
    return toPng(await this.renderRelease(trajectoryId, query, acceptLanguage, 'png'));
  }

  private async renderRelease(
    trajectoryId: string,
    query: ReleaseQuery,
    acceptLanguage: string | undefined,
    format: StarFormat,
  ): Promise<string> {
    const { trajectory, scope } = await this.trajectories.load(trajectoryId, 'case');
    const history = await this.assessments.history(trajectoryId, query.instrument);
    if (!history.length) throw noAssessmentToDraw();
    const instrument = (await this.assessments.instrumentsOf([history.at(-1)!])).get(
      history.at(-1)!.instrumentId,
    )!;
    if (instrument.dimensions.length !== 1) {
      throw new ReleaseInputError(
        `${instrument.key} has ${instrument.dimensions.length} dimensions; a release chart shows a one-dimension scale.`,
      );
    }
    const key = instrument.dimensions[0].key;
    const lang = pickLanguage(acceptLanguage);
    const svg = renderRelease({
      scaleMin: instrument.scaleMin,
      scaleMax: instrument.scaleMax,
      threshold: instrument.releaseThreshold ?? DEFAULT_RELEASE_THRESHOLD,
      lang,
      title: instrument.name[lang],
      // Scored with the same key; an older version's reading counts as long as it has this dimension.
      points: history
        .filter((a) => typeof a.scores[key] === 'number')
        .map((a) => ({
          date: localDate(a.takenAt),
          takenAt: a.takenAt,
          score: a.scores[key],
          perspective: a.perspective,
        })),
    });
    await this.audit.record({
      action: 'read',
      resourceType: 'assessment.release',
      resourceId: trajectoryId,
      participantId: trajectory.participantId,
      scope,
      details: { instrument: query.instrument, assessments: history.map((a) => a.id), format, lang },
    });
    return svg;
  }

  private async render(
    trajectoryId: string,
    query: StarQuery,
    acceptLanguage: string | undefined,
    format: StarFormat,
  ): Promise<string> {
    const { trajectory, scope } = await this.trajectories.load(trajectoryId, 'case');
    const history = await this.assessments.history(trajectoryId, query.instrument);
    const chosen = pickSeries(history, query.compare.split(','));
    if (!Array.isArray(chosen)) {
      throw chosen.problem === 'no_baseline' ? noAssessmentToDraw() : assessmentNotFound();
    }
    // The participant's and the coach's readings of a moment are drawn together.
    const picked = withOtherPerspectives(chosen, history, STAR_MAX_SERIES);
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
        label: legendLabel(a.kind, localDate(a.takenAt), lang, a.perspective),
        scores: a.scores,
      })),
      anchors: instrument.anchors ?? [],
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

/** SVG to PNG with resvg, for mail and print shops that take no SVG. Fonts come from the system (DejaVu). */
function toPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
