import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { AgendaService } from './agenda.service';
import { ApiOk } from '../common/http/api-responses';
import { MyAgendaResponse } from './dto/agenda.response';

@ApiTags('agenda')
@Controller('me')
export class AgendaController {
  constructor(private readonly agenda: AgendaService) {}

  @Get('agenda')
  @Authenticated({
    permission: Permission.AgendaRead,
    summary:
      'My work for today: open referrals assigned to me, my open case-meeting actions, upcoming meetings and sessions',
  })
  @ApiOk(MyAgendaResponse)
  mine(): Promise<MyAgendaResponse> {
    return this.agenda.mine();
  }
}
