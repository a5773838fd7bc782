import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { ApiIfMatch, IfMatch } from '../common/http/if-match.decorator';
import { Idempotent } from '../common/http/idempotent.decorator';
import { CreatePlacementDto, PlacementQuery, UpdatePlacementDto } from './dto/placement.dto';
import { PlacementPage, PlacementResponse } from './dto/placement.response';
import { PlacementsService } from './placements.service';

@ApiTags('placements')
@Controller('trajectories/:id/placements')
export class PlacementsController {
  constructor(private readonly placements: PlacementsService) {}

  @Post()
  @Idempotent<PlacementsController>((c, placementId, params) => c.get(params.id, placementId))
  @ApiCreatedResponse({ type: PlacementResponse })
  @Authenticated({
    permission: Permission.TrajectoryWrite,
    summary: 'Record a placement: job, art. 60, IBO, internship, practice floor, volunteering or training',
  })
  create(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CreatePlacementDto) {
    return this.placements.create(id, dto);
  }

  @Get()
  @ApiOkResponse({ type: PlacementPage })
  @Authenticated({
    permission: Permission.ParticipantRead,
    summary: "A trajectory's placements (case scope)",
  })
  list(@Param('id', ParseUUIDPipe) id: string, @Query() query: PlacementQuery) {
    return this.placements.list(id, query);
  }

  @Get(':placementId')
  @ApiOkResponse({ type: PlacementResponse })
  @Authenticated({
    permission: Permission.ParticipantRead,
    summary: 'One placement, with its version as ETag',
  })
  get(@Param('id', ParseUUIDPipe) id: string, @Param('placementId', ParseUUIDPipe) placementId: string) {
    return this.placements.get(id, placementId);
  }

  @Patch(':placementId')
  @ApiIfMatch()
  @ApiOkResponse({ type: PlacementResponse })
  @Authenticated({
    permission: Permission.TrajectoryWrite,
    summary: 'Change a placement (If-Match): e.g. its end date, also after the trajectory closed',
  })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('placementId', ParseUUIDPipe) placementId: string,
    @IfMatch() version: number,
    @Body() dto: UpdatePlacementDto,
  ) {
    return this.placements.update(id, placementId, version, dto);
  }
}
