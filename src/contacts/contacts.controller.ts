import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { ApiIfMatch, IfMatch } from '../common/http/if-match.decorator';
import { Idempotent } from '../common/http/idempotent.decorator';
import { ContactsService } from './contacts.service';
import { ContactQuery, CreateContactDto, UpdateContactDto } from './dto/contact.dto';
import {
  ConfidentialContactIndexResponse,
  ContactPageResponse,
  ContactResponse,
} from './dto/contact.response';
import { ApiCreated, ApiOk } from '../common/http/api-responses';

@ApiTags('contacts')
@Controller()
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Post('trajectories/:id/contacts')
  @Idempotent<ContactsController>((c, contactId, params) => c.get(params.id, contactId))
  @Authenticated({
    permission: Permission.ContactWrite,
    summary:
      "Register a contact moment; confidential defaults to the author organisation's professional secrecy",
  })
  @ApiCreated(ContactResponse)
  create(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateContactDto) {
    return this.contacts.create(id, dto);
  }

  @Get('trajectories/:id/contacts')
  @Authenticated({
    permission: Permission.ParticipantRead,
    summary: 'Contact moments by period and kind, with the intensity (contacts and minutes per month)',
  })
  @ApiOk(ContactPageResponse)
  list(@Param('id', ParseUUIDPipe) id: string, @Query() query: ContactQuery) {
    return this.contacts.list(id, query);
  }

  @Get('trajectories/:id/contacts/:contactId')
  @Authenticated({
    permission: Permission.ParticipantRead,
    summary: 'One contact moment, with its version as ETag',
  })
  @ApiOk(ContactResponse)
  get(@Param('id', ParseUUIDPipe) id: string, @Param('contactId', ParseUUIDPipe) contactId: string) {
    return this.contacts.get(id, contactId);
  }

  @Patch('trajectories/:id/contacts/:contactId')
  @ApiIfMatch()
  @Authenticated({
    permission: Permission.ContactWrite,
    summary: 'Edit a contact moment (author only); the previous version is kept as a revision',
  })
  @ApiOk(ContactResponse)
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('contactId', ParseUUIDPipe) contactId: string,
    @IfMatch() version: number,
    @Body() dto: UpdateContactDto,
  ) {
    return this.contacts.update(id, contactId, version, dto);
  }

  @Get('participants/:id/confidential-contacts')
  @Authenticated({
    permission: Permission.AuditRead,
    summary:
      'For the DPO: which confidential contact moments exist (date, author, organisation, kind), no content',
  })
  @ApiOk(ConfidentialContactIndexResponse)
  confidentialIndex(@Param('id', ParseUUIDPipe) id: string) {
    return this.contacts.confidentialIndex(id);
  }
}
