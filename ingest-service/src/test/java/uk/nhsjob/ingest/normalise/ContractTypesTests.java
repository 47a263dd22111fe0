package uk.nhsjob.ingest.normalise;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import uk.nhsjob.common.vocabulary.ContractType;

import static org.assertj.core.api.Assertions.assertThat;

class ContractTypesTests {

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			Permanent                                 | PERMANENT
			Fixed-Term                                | FIXED_TERM
			Fixed term: 12 months                     | FIXED_TERM
			Temporary (maternity cover)               | FIXED_TERM
			Bank                                      | BANK
			Secondment                                | SECONDMENT
			Apprenticeship                            | APPRENTICESHIP
			Fixed term with a view to permanent       | FIXED_TERM
			Permanent or fixed term                   | PERMANENT
			Bank Medical Secretary                    | BANK
			""")
	void readsTheContract(String text, ContractType type) {
		assertThat(ContractTypes.parse(text)).hasValue(type);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "Full time", "Medical Secretary", "Bankstown" })
	void findsNoContractWhereNoneIsNamed(String text) {
		assertThat(ContractTypes.parse(text)).isEmpty();
	}

}
