package uk.nhsjob.ingest.normalise;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.nhsjob.common.vocabulary.SalaryPeriod;

import static org.assertj.core.api.Assertions.assertThat;

class SalariesTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			£27,485 - £30,162 per annum                 | 27485 | 30162 | YEAR  | false
			£27,485 to £30,162 a year pro rata          | 27485 | 30162 | YEAR  | true
			£29,970 to £36,483 a year                   | 29970 | 36483 | YEAR  | false
			£13.50 per hour                             | 26397 | 26397 | HOUR  | false
			£13.50ph                                    | 26397 | 26397 | HOUR  | false
			£12.21 - £13.50 an hour                     | 23875 | 26397 | HOUR  | false
			£25k-£28k                                   | 25000 | 28000 | YEAR  | false
			£25-28k                                     | 25000 | 28000 | YEAR  | false
			Up to £30,000                               | -     | 30000 | YEAR  | false
			From £24,000 per annum                      | 24000 | -     | YEAR  | false
			£2,300 per month                            | 27600 | 27600 | MONTH | false
			£500 per week                               | 26072 | 26072 | WEEK  | false
			£110 per day                                | 28679 | 28679 | DAY   | false
			27485                                       | 27485 | 27485 | YEAR  | false
			£14                                         | 27375 | 27375 | HOUR  | false
			Band 4 £27,485 - £30,162 pa (37.5 hours)    | 27485 | 30162 | YEAR  | false
			£30,162 - £27,485 per annum pro-rata        | 27485 | 30162 | YEAR  | true
			""")
	void readsAmountsAsAnnualFullTimePay(String text, @Nullable Integer min, @Nullable Integer max, SalaryPeriod period,
			boolean proRata) {
		Salary salary = Salaries.parse(text);

		assertThat(salary).isEqualTo(new Salary(min, max, period, proRata, text));
	}

	@Test
	void keepsTheWordsOfASalaryWithoutAmounts() {
		assertThat(Salaries.parse("Competitive")).isEqualTo(new Salary(null, null, null, false, "Competitive"));
		assertThat(Salaries.parse("Negotiable, pro rata"))
			.isEqualTo(new Salary(null, null, null, true, "Negotiable, pro rata"));
		assertThat(Salaries.parse(null)).isEqualTo(Salary.NONE);
	}

	@Test
	void ignoresAmountsNoSalaryComesNear() {
		assertThat(Salaries.parse("£99,999,999 per hour").minAnnual()).isNull();
	}

}
