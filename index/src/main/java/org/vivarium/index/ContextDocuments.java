package org.vivarium.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.FloatPoint;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import org.vivarium.api.index.ContextRecord;

/** Converts {@link ContextRecord}s to Lucene documents and back (the index schema). */
final class ContextDocuments {
    private ContextDocuments() {
    }

    /**
     * Builds the document for one record.
     *
     * @param r the record
     * @return a document with every field of {@link IndexFields}
     */
    static Document toDocument(ContextRecord r) {
        Document doc = new Document();
        doc.add(new TextField(IndexFields.TEXT, r.text(), Field.Store.YES));
        doc.add(new StringField(IndexFields.FEATURE, r.feature(), Field.Store.YES));
        doc.add(new SortedDocValuesField(IndexFields.FEATURE, new BytesRef(r.feature())));
        doc.add(new StringField(IndexFields.SOURCE, r.source(), Field.Store.NO));
        doc.add(new FloatPoint(IndexFields.ACT, r.activation()));
        doc.add(new FloatDocValuesField(IndexFields.ACT, r.activation()));
        doc.add(new StoredField(IndexFields.ACT, r.activation()));
        doc.add(new StringField(IndexFields.MODEL, r.model(), Field.Store.YES));
        doc.add(new StringField(IndexFields.RUN, r.run(), Field.Store.YES));
        doc.add(new StringField(IndexFields.HOOK, r.hook(), Field.Store.YES));
        doc.add(new IntPoint(IndexFields.LAYER, r.layer()));
        doc.add(new StoredField(IndexFields.LAYER, r.layer()));
        doc.add(new StoredField(IndexFields.SPAN_START, r.spanStart()));
        doc.add(new StoredField(IndexFields.SPAN_END, r.spanEnd()));
        return doc;
    }

    /**
     * Rebuilds the record from a document's stored fields.
     *
     * @param doc a stored document of this index
     * @return the record that was indexed
     */
    static ContextRecord toRecord(Document doc) {
        return new ContextRecord(
                doc.get(IndexFields.FEATURE),
                doc.get(IndexFields.TEXT),
                doc.getField(IndexFields.SPAN_START).numericValue().intValue(),
                doc.getField(IndexFields.SPAN_END).numericValue().intValue(),
                doc.getField(IndexFields.ACT).numericValue().floatValue(),
                doc.get(IndexFields.MODEL),
                doc.get(IndexFields.RUN),
                doc.get(IndexFields.HOOK),
                doc.getField(IndexFields.LAYER).numericValue().intValue());
    }
}
