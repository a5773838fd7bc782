import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { ApiIfMatch, IfMatch } from '../common/http/if-match.decorator';
import { Idempotent } from '../common/http/idempotent.decorator';
import { CreateGoalDto, GoalQuery, UpdateGoalDto } from './dto/goal.dto';
import { GoalsService } from './goals.service';
import { GoalResponse } from './dto/goal.response';
import { ApiCreated, ApiOk, ApiPageResponse } from '../common/http/api-responses';

@ApiTags('goals')
@Controller('trajectories/:id/goals')
export class GoalsController {
  constructor(private readonly goals: GoalsService) {}

  @Post()
  @Idempotent<GoalsController>((c, goalId, params) => c.get(params.id, goalId))
  @Authenticated({
    permission: Permission.TrajectoryWrite,
    summary: 'Set a goal in a life domain, with interim steps',
  })
  @ApiCreated(GoalResponse)
  create(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateGoalDto) {
    return this.goals.create(id, dto);
  }

  @Get()
  @Authenticated({ permission: Permission.ParticipantRead, summary: "A trajectory's goals (case scope)" })
  @ApiPageResponse(GoalResponse)
  list(@Param('id', ParseUUIDPipe) id: string, @Query() query: GoalQuery) {
    return this.goals.list(id, query);
  }

  @Get(':goalId')
  @Authenticated({ permission: Permission.ParticipantRead, summary: 'One goal, with its version as ETag' })
  @ApiOk(GoalResponse)
  get(@Param('id', ParseUUIDPipe) id: string, @Param('goalId', ParseUUIDPipe) goalId: string) {
    return this.goals.get(id, goalId);
  }

  @Patch(':goalId')
  @ApiIfMatch()
  @Authenticated({
    permission: Permission.TrajectoryWrite,
    summary: 'Change a goal: status, target date, steps; every change is dated and logged',
  })
  @ApiOk(GoalResponse)
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('goalId', ParseUUIDPipe) goalId: string,
    @IfMatch() version: number,
    @Body() dto: UpdateGoalDto,
  ) {
    return this.goals.update(id, goalId, version, dto);
  }
}
