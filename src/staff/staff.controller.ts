import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { ApiIfMatch, IfMatch } from '../common/http/if-match.decorator';

import {
  CreatedStaffResponse,
  CreateStaffDto,
  CredentialTokenResponse,
  StaffQuery,
  StaffResponse,
  UpdateStaffDto,
} from './dto/staff.dto';
import { StaffService } from './staff.service';
import { ApiCreated, ApiOk, ApiPageResponse } from '../common/http/api-responses';

@ApiTags('staff')
@Controller('staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @Authenticated({
    permission: Permission.StaffRead,
    summary: 'List staff (filter by organisation, team, role, active)',
  })
  @ApiPageResponse(StaffResponse)
  list(@Query() query: StaffQuery) {
    return this.staff.list(query);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.StaffRead, summary: 'Get a staff member' })
  @ApiOk(StaffResponse)
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.staff.get(id);
  }

  @Post()
  @Authenticated({
    permission: Permission.StaffWrite,
    summary:
      "Create a staff member of the caller's own organisation (org_admin), or the first org_admin of an organisation without active staff (admin); answers a one-time activation token",
  })
  @ApiCreated(CreatedStaffResponse)
  create(@Body() dto: CreateStaffDto) {
    return this.staff.create(dto);
  }

  @Patch(':id')
  @ApiIfMatch()
  @Authenticated({
    permission: Permission.StaffWrite,
    summary: "Update a staff member of the caller's own organisation (org_admin); no password, no move",
  })
  @ApiOk(StaffResponse)
  update(@Param('id', ParseUUIDPipe) id: string, @IfMatch() version: number, @Body() dto: UpdateStaffDto) {
    return this.staff.update(id, version, dto);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @Authenticated({
    permission: Permission.StaffWrite,
    summary:
      "Deactivate a staff member of the caller's own organisation: login and existing tokens stop working",
  })
  @ApiOk(StaffResponse)
  deactivate(@Param('id', ParseUUIDPipe) id: string) {
    return this.staff.deactivate(id);
  }

  @Post(':id/password-reset')
  @Authenticated({
    permission: Permission.StaffWrite,
    summary:
      "Issue a one-hour password reset token for a staff member of the caller's own organisation (org_admin); the account's tokens stop working",
  })
  @ApiCreated(CredentialTokenResponse)
  passwordReset(@Param('id', ParseUUIDPipe) id: string) {
    return this.staff.passwordReset(id);
  }
}
