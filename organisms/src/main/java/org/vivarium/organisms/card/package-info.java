/**
 * Truth cards: what was planted in a model organism, where and how strongly. Host-side only: the audit API
 * gives plugins no way to reach a card; the host's scorer reads it after the auditors finish.
 */
package org.vivarium.organisms.card;
