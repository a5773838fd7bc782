import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { ApiIfMatch, IfMatch } from '../common/http/if-match.decorator';
import { PutLifeDomainsDto } from './dto/life-domains.dto';
import { LifeDomainsService } from './life-domains.service';
import { ApiOk } from '../common/http/api-responses';
import { LifeDomainsResponse } from './dto/life-domains.response';

@ApiTags('life domains')
@Controller('trajectories/:id/life-domains')
export class LifeDomainsController {
  constructor(private readonly lifeDomains: LifeDomainsService) {}

  @Get()
  @Authenticated({
    permission: Permission.ParticipantRead,
    summary: "A trajectory's affected life domains (case scope); health notes need full scope and consent",
  })
  @ApiOk(LifeDomainsResponse)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<LifeDomainsResponse> {
    return this.lifeDomains.get(id);
  }

  @Put()
  @ApiIfMatch()
  @Authenticated({
    permission: Permission.TrajectoryWrite,
    summary: 'Replace the set of affected life domains, each with a severity 1–5 and a note',
  })
  @ApiOk(LifeDomainsResponse)
  put(
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch() version: number,
    @Body() dto: PutLifeDomainsDto,
  ): Promise<LifeDomainsResponse> {
    return this.lifeDomains.put(id, version, dto);
  }
}
