import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { ApiIfMatch, IfMatch } from '../common/http/if-match.decorator';
import { PageQuery } from '../common/http/pagination';
import { CreateOrganisationDto, OrganisationResponse, UpdateOrganisationDto } from './dto/organisation.dto';
import { OrganisationsService } from './organisations.service';
import { ApiCreated, ApiOk, ApiPageResponse } from '../common/http/api-responses';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @Authenticated({ permission: Permission.OrganisationRead, summary: "List the partnership's organisations" })
  @ApiPageResponse(OrganisationResponse)
  list(@Query() query: PageQuery) {
    return this.organisations.list(query);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.OrganisationRead, summary: 'Get an organisation' })
  @ApiOk(OrganisationResponse)
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.organisations.get(id);
  }

  @Post()
  @Authenticated({
    permission: Permission.OrganisationWrite,
    summary: 'Add an organisation to the partnership',
  })
  @ApiCreated(OrganisationResponse)
  create(@Body() dto: CreateOrganisationDto) {
    return this.organisations.create(dto);
  }

  @Patch(':id')
  @ApiIfMatch()
  @Authenticated({ permission: Permission.OrganisationWrite, summary: 'Update an organisation' })
  @ApiOk(OrganisationResponse)
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch() version: number,
    @Body() dto: UpdateOrganisationDto,
  ) {
    return this.organisations.update(id, version, dto);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @Authenticated({ permission: Permission.OrganisationWrite, summary: 'Deactivate an organisation' })
  @ApiOk(OrganisationResponse)
  deactivate(@Param('id', ParseUUIDPipe) id: string) {
    return this.organisations.deactivate(id);
  }
}
