import { type Role } from '../domain/roles';
import { type SocketUser } from './socket-user';

/** Socket.IO room names: one per role, per user, per session, per workshop and per artisan. */
export const roleRoom = (role: Role) => `role:${role}`;
export const userRoom = (userId: string) => `user:${userId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
export const workshopRoom = (workshopId: string) => `workshop:${workshopId}`;
export const artisanRoom = (artisanId: string) => `artisan:${artisanId}`;

/**
 * The rooms a user's socket joins: their role, themself and their session, and for an artisan
 * their workshop and their artisan record. What each room hears: forward-domain-events.ts.
 */
export function roomsFor(user: SocketUser): string[] {
  const rooms = [roleRoom(user.role), userRoom(user.userId), sessionRoom(user.sessionId)];
  if (user.workshopId) rooms.push(workshopRoom(user.workshopId));
  if (user.artisanId) rooms.push(artisanRoom(user.artisanId));
  return rooms;
}
