import { contract, type CreateScheduleBody, type UpdateScheduleBody } from '@bm/contract';
import { call } from './http';

const { schedules } = contract;

export const schedulesApi = {
  list: (botId: string) => call(schedules.list, { params: { id: botId } }),
  create: (botId: string, body: CreateScheduleBody) => call(schedules.create, { params: { id: botId }, body }),
  update: (id: string, body: UpdateScheduleBody) => call(schedules.update, { params: { id }, body }),
  /** Starts a run now, as the schedule would. */
  trigger: (id: string) => call(schedules.trigger, { params: { id } }),
  remove: (id: string) => call(schedules.remove, { params: { id } }),
};
