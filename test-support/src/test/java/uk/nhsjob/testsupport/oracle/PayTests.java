package uk.nhsjob.testsupport.oracle;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import uk.nhsjob.common.vocabulary.SalaryPeriod;

import static org.assertj.core.api.Assertions.assertThat;

class PayTests {

	private static final Offset<Double> PENNY = Offset.offset(0.01);

	@Test
	void everyPeriodBecomesAFullTimeYear() {
		assertThat(Pay.perHour(16).annualFullTimeMaximum()).isCloseTo(31285.80, PENNY);
		assertThat(new Pay(120, SalaryPeriod.DAY).annualFullTimeMaximum()).isCloseTo(31285.80, PENNY);
		assertThat(new Pay(600, SalaryPeriod.WEEK).annualFullTimeMaximum()).isCloseTo(31285.80, PENNY);
		assertThat(new Pay(2500, SalaryPeriod.MONTH).annualFullTimeMaximum()).isCloseTo(30000, PENNY);
		assertThat(Pay.perYear(30162).annualFullTimeMaximum()).isCloseTo(30162, PENNY);
	}

}
