/** Shared measurements of the discovery auditors: answer shift, candidate confirmation, claims. */
package org.vivarium.plugin.discovery.core;
