import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { ApiIfMatch, IfMatch } from '../common/http/if-match.decorator';
import { PageQuery } from '../common/http/pagination';
import {
  CreatePersonaDto,
  PersonaPage,
  PersonaResponse,
  TrajectoryPersonaDto,
  TrajectoryPersonaResponse,
  UpdatePersonaDto,
} from './dto/persona.dto';
import { PersonasService } from './personas.service';

@ApiTags('personas')
@Controller()
export class PersonasController {
  constructor(private readonly personas: PersonasService) {}

  @Get('personas')
  @ApiOkResponse({ type: PersonaPage })
  @Authenticated({ permission: Permission.PersonaRead, summary: "The partnership's personas" })
  list(@Query() query: PageQuery) {
    return this.personas.list(query);
  }

  @Post('personas')
  @ApiCreatedResponse({ type: PersonaResponse })
  @Authenticated({ permission: Permission.PersonaWrite, summary: 'Describe a persona of the partnership' })
  create(@Body() dto: CreatePersonaDto) {
    return this.personas.create(dto);
  }

  @Patch('personas/:id')
  @ApiIfMatch()
  @ApiOkResponse({ type: PersonaResponse })
  @Authenticated({ permission: Permission.PersonaWrite, summary: 'Change or deactivate a persona' })
  update(@Param('id', ParseUUIDPipe) id: string, @IfMatch() version: number, @Body() dto: UpdatePersonaDto) {
    return this.personas.update(id, version, dto);
  }

  @Put('trajectories/:id/persona')
  @ApiIfMatch()
  @ApiOkResponse({ type: TrajectoryPersonaResponse })
  @Authenticated({
    permission: Permission.TrajectoryWrite,
    summary: 'Set the persona a trajectory carries (null removes it); reported in the quarterly breakdown',
  })
  setOnTrajectory(
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch() version: number,
    @Body() dto: TrajectoryPersonaDto,
  ) {
    return this.personas.setOnTrajectory(id, version, dto);
  }
}
