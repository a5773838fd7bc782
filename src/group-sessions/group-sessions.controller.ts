import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { AttendanceDto, CreateGroupSessionDto, GroupSessionQuery } from './dto/group-session.dto';
import { GroupSessionsService } from './group-sessions.service';
import { ApiCreated, ApiOk } from '../common/http/api-responses';
import {
  AttendanceResponse,
  GroupSessionDetailResponse,
  GroupSessionPageResponse,
  GroupSessionResponse,
} from './dto/group-session.response';

@ApiTags('group-sessions')
@Controller('group-sessions')
export class GroupSessionsController {
  constructor(private readonly sessions: GroupSessionsService) {}

  @Post()
  @Authenticated({
    permission: Permission.GroupSessionWrite,
    summary: 'Plan an expertise-cell group session; the facilitator is an expertise member or a coach',
  })
  @ApiCreated(GroupSessionResponse)
  create(@Body() dto: CreateGroupSessionDto): Promise<GroupSessionResponse> {
    return this.sessions.create(dto);
  }

  @Get()
  @Authenticated({ permission: Permission.GroupSessionRead, summary: "The partnership's group sessions" })
  @ApiOk(GroupSessionPageResponse)
  list(@Query() query: GroupSessionQuery): Promise<GroupSessionPageResponse> {
    return this.sessions.list(query);
  }

  @Get(':id')
  @Authenticated({
    permission: Permission.GroupSessionRead,
    summary: 'A group session with the attendance (names and phone) the caller may see',
  })
  @ApiOk(GroupSessionDetailResponse)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<GroupSessionDetailResponse> {
    return this.sessions.get(id);
  }

  @Post(':id/attendance')
  @HttpCode(200)
  @Authenticated({
    permission: Permission.GroupSessionWrite,
    summary: 'Register a participant or record attendance; attending is a group_session contact moment',
  })
  @ApiOk(AttendanceResponse)
  attendance(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AttendanceDto,
  ): Promise<AttendanceResponse> {
    return this.sessions.attendance(id, dto);
  }
}
