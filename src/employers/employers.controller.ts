import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { ApiIfMatch, IfMatch } from '../common/http/if-match.decorator';
import { CreateEmployerDto, EmployerQuery, UpdateEmployerDto } from './dto/employer.dto';
import { EmployerPage, EmployerResponse } from './dto/employer.response';
import { EmployersService } from './employers.service';

@ApiTags('employers')
@Controller('employers')
export class EmployersController {
  constructor(private readonly employers: EmployersService) {}

  @Get()
  @ApiOkResponse({ type: EmployerPage })
  @Authenticated({
    permission: Permission.EmployerRead,
    summary: 'Search the register of employers and work floors by name or KBO number',
  })
  list(@Query() query: EmployerQuery) {
    return this.employers.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: EmployerResponse })
  @Authenticated({ permission: Permission.EmployerRead, summary: 'One employer, with its version as ETag' })
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.employers.get(id);
  }

  @Post()
  @ApiCreatedResponse({ type: EmployerResponse })
  @Authenticated({
    permission: Permission.EmployerWrite,
    summary: 'Add an employer or (practice) work floor',
  })
  create(@Body() dto: CreateEmployerDto) {
    return this.employers.create(dto);
  }

  @Patch(':id')
  @ApiIfMatch()
  @ApiOkResponse({ type: EmployerResponse })
  @Authenticated({ permission: Permission.EmployerWrite, summary: 'Change an employer (If-Match)' })
  update(@Param('id', ParseUUIDPipe) id: string, @IfMatch() version: number, @Body() dto: UpdateEmployerDto) {
    return this.employers.update(id, version, dto);
  }
}
