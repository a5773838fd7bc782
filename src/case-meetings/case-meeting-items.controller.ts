import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permission';
import { Authenticated } from '../auth/authenticated.decorator';
import { CaseMeetingItemsService } from './case-meeting-items.service';
import { UpdateCaseMeetingItemDto } from './dto/case-meeting.dto';
import { CaseMeetingItemResponse } from './dto/case-meeting.response';

@ApiTags('case-meetings')
@Controller('case-meetings')
export class CaseMeetingItemsController {
  constructor(private readonly items: CaseMeetingItemsService) {}

  @Patch(':id/items/:itemId')
  @ApiOkResponse({ type: CaseMeetingItemResponse })
  @Authenticated({
    permission: Permission.CaseMeetingWrite,
    summary: "Change an agenda item's summary or decisions (its author, until the meeting)",
  })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Body() dto: UpdateCaseMeetingItemDto,
  ) {
    return this.items.update(id, itemId, dto);
  }

  @Delete(':id/items/:itemId')
  @HttpCode(204)
  @ApiNoContentResponse({
    description: 'Removed, with its actions, its contact moment and the grants it gave',
  })
  @Authenticated({
    permission: Permission.CaseMeetingWrite,
    summary: 'Take an item off the agenda (its author, until the meeting); ends the grants it gave',
  })
  remove(@Param('id', ParseUUIDPipe) id: string, @Param('itemId', ParseUUIDPipe) itemId: string) {
    return this.items.remove(id, itemId);
  }
}
