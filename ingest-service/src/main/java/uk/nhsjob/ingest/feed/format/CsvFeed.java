package uk.nhsjob.ingest.feed.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import uk.nhsjob.ingest.normalise.RawVacancy;

/**
 * CSV with a header row (see {@link CsvColumns}), UTF-8 with or without a byte order
 * mark; quoted fields may hold commas, quotes and line breaks. Each vacancy carries the
 * line its record starts on, for the receipt. Columns not read are ignored; a row shorter
 * than the header leaves the rest empty; a row of empty cells is skipped.
 */
@Component
class CsvFeed implements FeedReader {

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

	@Override
	public List<MediaType> contentTypes() {
		return List.of(MediaType.parseMediaType("text/csv"));
	}

	@Override
	public void read(byte[] document, Consumer<FeedEntry> each) throws UnreadableFeedException {
		String text = utf8(document);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		Lines lines = new Lines(text);
		try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
			Iterator<CSVRecord> records = parser.iterator();
			CSVRecord header = next(records, 0);
			if (header == null) {
				throw UnreadableFeedException.atLine("The CSV has no header row.", 1);
			}
			List<@Nullable String> fields = CsvColumns.fields(header.toList());
			if (fields.stream().allMatch(Objects::isNull)) {
				throw UnreadableFeedException.atLine("The CSV header names no column this service reads: "
						+ header.toList() + "; see the feed formats in the README.", lines.of(header));
			}
			int index = 0;
			for (CSVRecord record = next(records, parser.getCurrentLineNumber()); record != null; record = next(records,
					parser.getCurrentLineNumber())) {
				// spreadsheets save rows of empty cells after the data: no vacancy
				if (record.stream().anyMatch((value) -> !value.isBlank())) {
					each.accept(new FeedEntry(index++, lines.of(record), vacancy(fields, record)));
				}
			}
		}
		catch (IOException ex) {
			throw UnreadableFeedException.atLine("The CSV cannot be read: " + ex.getMessage(), null);
		}
	}

	/**
	 * The next record, or nothing at the end.
	 * @param linesRead the lines the parser has read so far: the record that fails starts
	 * on the next
	 */
	private static @Nullable CSVRecord next(Iterator<CSVRecord> records, long linesRead)
			throws UnreadableFeedException {
		try {
			return records.hasNext() ? records.next() : null;
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			int line = Math.toIntExact(linesRead + 1);
			throw UnreadableFeedException.atLine("The CSV cannot be read from line " + line + ": " + reason(ex), line);
		}
	}

	private static RawVacancy vacancy(List<@Nullable String> fields, CSVRecord record) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int column = 0; column < fields.size() && column < record.size(); column++) {
			String field = fields.get(column);
			String value = record.get(column);
			if (field == null || value.isBlank()) {
				continue;
			}
			if ("specialty".equals(field) && values.containsKey(field)) {
				values.put(field, values.get(field) + ", " + value);
			}
			else {
				values.putIfAbsent(field, value);
			}
		}
		if (!values.containsKey("salary")) {
			String salary = SalaryTexts.of(values.get(CsvColumns.SALARY_MIN), values.get(CsvColumns.SALARY_MAX),
					values.get(CsvColumns.SALARY_UNIT));
			if (salary != null) {
				values.put("salary", salary);
			}
		}
		Locations.Place place = Locations.parse(values.get(CsvColumns.LOCATION));
		if (place.town() != null) {
			values.putIfAbsent("town", place.town());
		}
		if (place.postcode() != null) {
			values.putIfAbsent("postcode", place.postcode());
		}
		return RawVacancy.of(values, List.of());
	}

	/** Strict UTF-8: a byte that is not UTF-8 refuses the document, naming its line. */
	private static String utf8(byte[] document) throws UnreadableFeedException {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(document);
		CharBuffer out = CharBuffer.allocate(document.length);
		CoderResult result = decoder.decode(in, out, true);
		if (result.isError()) {
			int line = 1;
			for (int i = 0; i < in.position(); i++) {
				if (document[i] == '\n') {
					line++;
				}
			}
			throw UnreadableFeedException.atLine("The CSV is not UTF-8 text: line " + line + " has a byte ("
					+ String.format("0x%02X", document[in.position()]) + ") that is not UTF-8.", line);
		}
		decoder.flush(out);
		return out.flip().toString();
	}

	private static String reason(Exception ex) {
		Throwable cause = (ex instanceof UncheckedIOException && ex.getCause() != null) ? ex.getCause() : ex;
		return String.valueOf(cause.getMessage());
	}

	/**
	 * The physical line a record starts on, counted forward from the last record asked
	 * about, so that a document is scanned once. Empty lines before a record are skipped,
	 * as the parser skips them.
	 */
	private static final class Lines {

		private final String text;

		private int position;

		private int line = 1;

		Lines(String text) {
			this.text = text;
		}

		int of(CSVRecord record) {
			int start = Math.toIntExact(record.getCharacterPosition());
			advanceTo(start);
			while (this.position < this.text.length()
					&& (this.text.charAt(this.position) == '\n' || this.text.charAt(this.position) == '\r')) {
				advanceTo(this.position + 1);
			}
			return this.line;
		}

		private void advanceTo(int target) {
			for (; this.position < target && this.position < this.text.length(); this.position++) {
				char c = this.text.charAt(this.position);
				boolean crlf = c == '\r' && this.position + 1 < this.text.length()
						&& this.text.charAt(this.position + 1) == '\n';
				if (c == '\n' || (c == '\r' && !crlf)) {
					this.line++;
				}
			}
		}

	}

}
