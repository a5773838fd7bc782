import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { ConsentsService } from './consents.service';
import { CreateConsentDto } from './dto/consent.dto';

@ApiTags('privacy')
@Controller('participants/:id/consents')
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  @Post()
  @Authenticated({
    permission: Permission.ConsentWrite,
    summary: 'Record a consent or legal basis (owner, full scope); partnership_sharing opens summary access',
  })
  record(@Param('id', ParseUUIDPipe) participantId: string, @Body() dto: CreateConsentDto) {
    return this.consents.record(participantId, dto);
  }

  @Get()
  @Authenticated({
    permission: Permission.ParticipantRead,
    summary: "A participant's consents, withdrawn ones included (case scope)",
  })
  list(@Param('id', ParseUUIDPipe) participantId: string) {
    return this.consents.list(participantId);
  }

  @Post(':consentId/withdraw')
  @HttpCode(200)
  @Authenticated({
    permission: Permission.ConsentWrite,
    summary: 'Withdraw a consent; the access it gave ends at once',
  })
  withdraw(
    @Param('id', ParseUUIDPipe) participantId: string,
    @Param('consentId', ParseUUIDPipe) consentId: string,
  ) {
    return this.consents.withdraw(participantId, consentId);
  }
}
