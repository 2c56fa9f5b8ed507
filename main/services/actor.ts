import { userInfo } from 'node:os';
import { actorNameProblem, profileActor, UNKNOWN_ACTOR, type Actor, type UserProfile } from '../../shared/domain/actor';

/** Reads the operating-system account name; throws where the account has none (some containers). */
export type OsUserName = () => string;

const systemUserName: OsUserName = () => userInfo().username;

/** The operating-system account as the actor; unknown (never a guess) if it cannot be read or is not a usable name. */
export function osAccountActor(osUserName: OsUserName = systemUserName): Actor {
  let account: string;
  try {
    account = osUserName();
  } catch {
    return UNKNOWN_ACTOR;
  }
  return actorNameProblem(account) === null ? { name: account.trim(), source: 'os-account' } : UNKNOWN_ACTOR;
}

/**
 * Who the desktop app records: the profile set on first run or in Settings; before one is
 * set, the operating-system account, said to be that.
 */
export function appActor(profile: UserProfile | null, osUserName: OsUserName = systemUserName): Actor {
  return profile ? profileActor(profile) : osAccountActor(osUserName);
}
