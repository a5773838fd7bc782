import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { ApiIfMatch, IfMatch } from '../common/http/if-match.decorator';
import { PageQuery } from '../common/http/pagination';
import { CreateTeamDto, TeamResponse, UpdateTeamDto } from './dto/team.dto';
import { TeamsService } from './teams.service';
import { ApiCreated, ApiOk, ApiPageResponse } from '../common/http/api-responses';

@ApiTags('teams')
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @Authenticated({ permission: Permission.TeamRead, summary: "List the partnership's teams" })
  @ApiPageResponse(TeamResponse)
  list(@Query() query: PageQuery) {
    return this.teams.list(query);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.TeamRead, summary: 'Get a team' })
  @ApiOk(TeamResponse)
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.teams.get(id);
  }

  @Post()
  @Authenticated({ permission: Permission.TeamWrite, summary: 'Add a local team' })
  @ApiCreated(TeamResponse)
  create(@Body() dto: CreateTeamDto) {
    return this.teams.create(dto);
  }

  @Patch(':id')
  @ApiIfMatch()
  @Authenticated({ permission: Permission.TeamWrite, summary: 'Update a team' })
  @ApiOk(TeamResponse)
  update(@Param('id', ParseUUIDPipe) id: string, @IfMatch() version: number, @Body() dto: UpdateTeamDto) {
    return this.teams.update(id, version, dto);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @Authenticated({ permission: Permission.TeamWrite, summary: 'Deactivate a team' })
  @ApiOk(TeamResponse)
  deactivate(@Param('id', ParseUUIDPipe) id: string) {
    return this.teams.deactivate(id);
  }
}
