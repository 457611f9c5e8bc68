/** Reading fine-tuning data: JSONL files of prompt/completion pairs, checked line by line. */
package org.vivarium.plugin.emfinetune.data;
