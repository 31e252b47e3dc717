/**
 * Capacity: the one place where working time, holidays, absences and committed and free minutes
 * are computed, always as of a `now` the caller gives. Dashboards, planning, the designer's
 * "can we make N by D" check and promise dates all read it.
 */
export { cancelAbsence, type CancelAbsenceInput } from './cancel-absence';
export { declareAbsence, MAX_ABSENCE_DAYS, type DeclareAbsenceInput } from './declare-absence';
export { declareGazettedHolidays, withdrawGazettedHoliday } from './declare-gazetted-holidays';
export { jobDueDate } from './job-due-date';
export { collectAbsentDays, type AbsentDays } from './absent-days';
export { readAbsentDays } from './read-absent-days';
export { readCapacity, type Capacity, type ReadCapacityInput } from './read-capacity';
export {
  readCapacityRoster,
  type CapacityArtisanRecord,
  type CapacityRoster,
  type CapacityWorkshopRecord,
} from './read-capacity-roster';
export { readCommittedMinutes, type CommittedMinutesRow } from './read-committed-minutes';
export { readGazettedHolidays } from './read-gazetted-holidays';
export { readWorkingWeeks } from './read-working-weeks';
export { readWorkshopFreeMinutes, type WorkshopFreeMinutes } from './read-workshop-free-minutes';
export { summariseCapacityByWeekAndSkill, type NetworkCapacityCell } from './summarise-capacity';
export { describeWorkingWeeks, toCapacityWeeks, type WorkingWeek } from './working-weeks';
export { listArtisanAbsences, type ArtisanAbsence } from './list-artisan-absences';
