/**
 * Truth cards: what was planted in a model organism, where and how strongly. Host-side only: the audit API
 * gives plugins no way to reach a card; the host's scorer reads it after the auditors finish. A trained run
 * keeps its card sealed ({@link org.vivarium.organisms.card.CardSeal}: AES-256-GCM under a host key) so a
 * blind audit can be scored without the card lying readable beside the checkpoint.
 */
package org.vivarium.organisms.card;
