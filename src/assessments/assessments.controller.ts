import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { Idempotent } from '../common/http/idempotent.decorator';
import { AssessmentProgressService } from './assessment-progress.service';
import { AssessmentScheduleService } from './assessment-schedule.service';
import { AssessmentStarService } from './assessment-star.service';
import { AssessmentsService } from './assessments.service';
import {
  AssessmentQuery,
  CreateAssessmentDto,
  InstrumentKeyQuery,
  ReleaseQuery,
  StarQuery,
} from './dto/assessment.dto';
import { ApiCreated, ApiFileResponse, ApiOk } from '../common/http/api-responses';
import { AssessmentPageResponse, AssessmentResponse } from './dto/assessment.response';
import { ProgressResponse } from './dto/progress.response';
import { DueResponse } from './dto/schedule.response';

@ApiTags('assessments')
@Controller('trajectories/:id/assessments')
export class AssessmentsController {
  constructor(
    readonly assessments: AssessmentsService,
    private readonly schedule: AssessmentScheduleService,
    private readonly progress: AssessmentProgressService,
    private readonly star: AssessmentStarService,
  ) {}

  @Post()
  @Idempotent<AssessmentsController>((c, assessmentId, params) => c.assessments.get(params.id, assessmentId))
  @Authenticated({
    permission: Permission.AssessmentWrite,
    summary: 'Score an instrument: a baseline, a review or an exit assessment (case scope)',
  })
  @ApiCreated(AssessmentResponse)
  create(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateAssessmentDto,
  ): Promise<AssessmentResponse> {
    return this.assessments.create(id, dto);
  }

  @Get()
  @Authenticated({
    permission: Permission.AssessmentRead,
    summary: "A trajectory's assessments, with the participant's disagreement where they scored too",
  })
  @ApiOk(AssessmentPageResponse)
  list(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: AssessmentQuery,
  ): Promise<AssessmentPageResponse> {
    return this.assessments.list(id, query);
  }

  @Get('due')
  @Authenticated({
    permission: Permission.AssessmentRead,
    summary: 'The next due assessment per instrument on the calendar (empowerment, and any other used)',
  })
  @ApiOk(DueResponse)
  due(@Param('id', ParseUUIDPipe) id: string): Promise<DueResponse> {
    return this.schedule.due(id);
  }

  @Get('progress')
  @Authenticated({
    permission: Permission.AssessmentRead,
    summary: 'Distance travelled: baseline against the latest follow-up, per dimension and in total',
  })
  @ApiOk(ProgressResponse)
  progressOf(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: InstrumentKeyQuery,
  ): Promise<ProgressResponse> {
    return this.progress.forTrajectory(id, query.instrument);
  }

  @Get('star.svg')
  @ApiProduces('image/svg+xml')
  @ApiHeader({ name: 'Accept-Language', required: false, description: 'nl (default) or en' })
  @Authenticated({
    permission: Permission.AssessmentRead,
    summary: 'Star diagram (SVG) of two to four assessments, e.g. baseline against latest',
  })
  @ApiFileResponse('image/svg+xml', 'The star diagram as SVG')
  async starSvg(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: StarQuery,
    @Headers('accept-language') lang: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return image(reply, 'image/svg+xml; charset=utf-8', await this.star.svg(id, query, lang));
  }

  @Get('star.png')
  @ApiProduces('image/png')
  @ApiHeader({ name: 'Accept-Language', required: false, description: 'nl (default) or en' })
  @Authenticated({
    permission: Permission.AssessmentRead,
    summary: 'The same star diagram as a PNG image',
  })
  @ApiFileResponse('image/png', 'The star diagram as PNG')
  async starPng(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: StarQuery,
    @Headers('accept-language') lang: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return image(reply, 'image/png', await this.star.png(id, query, lang));
  }

  @Get('release.svg')
  @ApiProduces('image/svg+xml')
  @ApiHeader({ name: 'Accept-Language', required: false, description: 'nl (default) or en' })
  @Authenticated({
    permission: Permission.AssessmentRead,
    summary: 'The release scale (loslaatschaal) over time (SVG), with the threshold for letting guidance go',
  })
  @ApiFileResponse('image/svg+xml', 'The release-scale chart as SVG')
  async releaseSvg(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ReleaseQuery,
    @Headers('accept-language') lang: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return image(reply, 'image/svg+xml; charset=utf-8', await this.star.releaseSvg(id, query, lang));
  }

  @Get('release.png')
  @ApiProduces('image/png')
  @ApiHeader({ name: 'Accept-Language', required: false, description: 'nl (default) or en' })
  @Authenticated({
    permission: Permission.AssessmentRead,
    summary: 'The same release-scale chart as a PNG image',
  })
  @ApiFileResponse('image/png', 'The release-scale chart as PNG')
  async releasePng(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ReleaseQuery,
    @Headers('accept-language') lang: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return image(reply, 'image/png', await this.star.releasePng(id, query, lang));
  }
}

/**
 * The content type is set only once the picture exists, so an error keeps its problem+json; the
 * handler still returns the body, so the request transaction (and its audit row) wraps it.
 * Personal data: never cached on the way.
 */
function image<T extends string | Buffer>(reply: FastifyReply, contentType: string, body: T): T {
  reply.header('content-type', contentType);
  reply.header('cache-control', 'private, no-store');
  reply.header('vary', 'Accept-Language');
  return body;
}
