/** Tests of the audit command's parts: the investigator, the leaderboard, the blind target, the API's reach. */
package org.vivarium.launcher.audit;
