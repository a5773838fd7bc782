import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { PageQuery } from '../common/http/pagination';
import { PseudonymiseDto } from './dto/pseudonymise.dto';
import { SubjectRightsService } from './subject-rights.service';
import { ApiOk } from '../common/http/api-responses';
import { AccessLogPageResponse, PseudonymiseResponse } from './dto/subject-rights.response';
import { SubjectExportResponse } from './dto/subject-export.response';

@ApiTags('privacy')
@Controller('participants/:id')
export class SubjectRightsController {
  constructor(private readonly rights: SubjectRightsService) {}

  @Get('access-log')
  @Authenticated({
    permission: Permission.ParticipantRead,
    summary: "Who saw or changed the participant's data, when and why (owner or DPO; GDPR art. 15)",
  })
  @ApiOk(AccessLogPageResponse)
  accessLog(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() page: PageQuery,
  ): Promise<AccessLogPageResponse> {
    return this.rights.accessLogFor(id, page);
  }

  @Get('export')
  @Authenticated({
    permission: Permission.SubjectExport,
    summary: 'Everything held about the participant as JSON (owner or DPO; GDPR art. 15 and 20)',
  })
  @ApiOk(SubjectExportResponse)
  export(@Param('id', ParseUUIDPipe) id: string) {
    return this.rights.export(id);
  }

  @Post('pseudonymise')
  @HttpCode(200)
  @Authenticated({
    permission: Permission.Pseudonymise,
    summary:
      'Replace identity and free text by a pseudonym, keeping ESF+ data (DPO; all trajectories closed)',
  })
  @ApiOk(PseudonymiseResponse)
  pseudonymise(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PseudonymiseDto,
  ): Promise<PseudonymiseResponse> {
    return this.rights.pseudonymise(id, dto ?? {});
  }
}
