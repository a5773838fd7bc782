import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { ApiIfMatch, IfMatch } from '../common/http/if-match.decorator';
import { CaseManagerDto, CoCoachDto, CreateTrajectoryDto, TransitionDto } from './dto/trajectory.dto';
import { TrajectoriesService } from './trajectories.service';
import { TrajectoryListResponse, TrajectoryResponse } from './dto/trajectory.response';
import { ApiCreated, ApiOk } from '../common/http/api-responses';

@ApiTags('trajectories')
@Controller()
export class TrajectoriesController {
  constructor(private readonly trajectories: TrajectoriesService) {}

  @Post('participants/:id/trajectories')
  @Authenticated({
    permission: Permission.TrajectoryWrite,
    summary: 'Start a trajectory (aanmelding); after a closed one it is linked as a reopening',
  })
  @ApiCreated(TrajectoryResponse)
  create(@Param('id', ParseUUIDPipe) participantId: string, @Body() dto: CreateTrajectoryDto) {
    return this.trajectories.create(participantId, dto);
  }

  @Get('participants/:id/trajectories')
  @Authenticated({ permission: Permission.ParticipantRead, summary: "A participant's trajectory history" })
  @ApiOk(TrajectoryListResponse)
  list(@Param('id', ParseUUIDPipe) participantId: string) {
    return this.trajectories.listForParticipant(participantId);
  }

  @Get('trajectories/:id')
  @Authenticated({
    permission: Permission.ParticipantRead,
    summary: 'Get a trajectory (status at summary scope, the rest at case scope)',
  })
  @ApiOk(TrajectoryResponse)
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.trajectories.get(id);
  }

  @Post('trajectories/:id/transitions')
  @HttpCode(200)
  @Authenticated({
    permission: Permission.TrajectoryWrite,
    summary: 'Move a trajectory to its next phase, or close it with an outcome',
  })
  @ApiOk(TrajectoryResponse)
  transition(@Param('id', ParseUUIDPipe) id: string, @Body() dto: TransitionDto) {
    return this.trajectories.transition(id, dto);
  }

  @Put('trajectories/:id/case-manager')
  @ApiIfMatch()
  @Authenticated({
    permission: Permission.TrajectoryWrite,
    summary: 'Warm hand-over to another case manager; ownership follows the case manager',
  })
  @ApiOk(TrajectoryResponse)
  setCaseManager(
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch() version: number,
    @Body() dto: CaseManagerDto,
  ) {
    return this.trajectories.setCaseManager(id, version, dto);
  }

  @Post('trajectories/:id/co-coaches')
  @Authenticated({
    permission: Permission.TrajectoryWrite,
    summary: 'Add a co-coach (duo coaching); their organisation gets case scope',
  })
  @ApiCreated(TrajectoryResponse)
  addCoCoach(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CoCoachDto) {
    return this.trajectories.addCoCoach(id, dto);
  }

  @Delete('trajectories/:id/co-coaches/:staffId')
  @Authenticated({
    permission: Permission.TrajectoryWrite,
    summary: "Remove a co-coach; their organisation's grant ends",
  })
  @ApiOk(TrajectoryResponse)
  removeCoCoach(@Param('id', ParseUUIDPipe) id: string, @Param('staffId', ParseUUIDPipe) staffId: string) {
    return this.trajectories.removeCoCoach(id, staffId);
  }
}
