import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import {
  CreateReferralDto,
  ReassignReferralDto,
  ReferralQuery,
  ReferralTransitionDto,
} from './dto/referral.dto';
import { ReferralPageResponse, ReferralResponse } from './dto/referral.response';
import { ApiCreated, ApiOk } from '../common/http/api-responses';
import { ReferralsService } from './referrals.service';

@ApiTags('referrals')
@Controller('referrals')
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Post()
  @Authenticated({
    permission: Permission.ReferralWrite,
    summary: 'Refer a person into the partnership (VDAB/OCMW) or a participant out to the VDAB/OCMW offer',
  })
  @ApiCreated(ReferralResponse)
  create(@Body() dto: CreateReferralDto) {
    return this.referrals.create(dto);
  }

  @Get()
  @Authenticated({
    permission: Permission.ReferralRead,
    summary:
      'Referrals the caller may see, or a SPOC inbox (mine/team/organisation): open ones first by due date, then closed ones, with counts',
  })
  @ApiOk(ReferralPageResponse)
  list(@Query() query: ReferralQuery) {
    return this.referrals.list(query);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.ReferralRead, summary: 'A referral with its transitions' })
  @ApiOk(ReferralResponse)
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.referrals.get(id);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Authenticated({
    permission: Permission.ReferralWrite,
    summary: 'Accept, reject (with reason), start, complete or cancel a referral',
  })
  @ApiOk(ReferralResponse)
  transition(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ReferralTransitionDto) {
    return this.referrals.transition(id, dto);
  }

  @Put(':id/assignee')
  @ApiOkResponse({ type: ReferralResponse })
  @Authenticated({
    permission: Permission.ReferralWrite,
    summary: 'Reassign an open referral to another SPOC of the organisation that handles it (its SPOCs only)',
  })
  reassign(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ReassignReferralDto) {
    return this.referrals.reassign(id, dto);
  }
}
