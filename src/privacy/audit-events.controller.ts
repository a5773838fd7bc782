import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { AuditEventsService } from './audit-events.service';
import { AuditEventQuery } from './dto/audit-event.dto';

@ApiTags('privacy')
@Controller('audit-events')
export class AuditEventsController {
  constructor(private readonly events: AuditEventsService) {}

  @Get()
  @Authenticated({
    permission: Permission.AuditRead,
    summary: 'Search the audit log (DPO): by participant, actor, organisation, action and period',
  })
  search(@Query() query: AuditEventQuery) {
    return this.events.search(query);
  }
}
