/** Reading a subject model's last-token activations at a chosen hook. */
package org.vivarium.plugin.latentqa.read;
