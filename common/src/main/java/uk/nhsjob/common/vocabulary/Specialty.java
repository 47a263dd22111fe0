package uk.nhsjob.common.vocabulary;

import java.util.Locale;

/**
 * Clinical specialties a vacancy can name (docs/normalisation.md).
 */
public enum Specialty {

	ANAESTHETICS, CARDIOLOGY, CRITICAL_CARE, DERMATOLOGY, EMERGENCY_MEDICINE, ENDOCRINOLOGY, ENT, GASTROENTEROLOGY,
	GENERAL_MEDICINE, GENERAL_PRACTICE, GENERAL_SURGERY, HAEMATOLOGY, MATERNITY, MAXILLOFACIAL, MENTAL_HEALTH,
	NEUROLOGY, NEUROSURGERY, OBSTETRICS_GYNAECOLOGY, OLDER_PEOPLE, ONCOLOGY, OPHTHALMOLOGY, ORTHOPAEDICS, PAEDIATRICS,
	PALLIATIVE_CARE, PATHOLOGY, PLASTIC_SURGERY, RADIOLOGY, RENAL, RESPIRATORY, RHEUMATOLOGY, SEXUAL_HEALTH, UROLOGY,
	VASCULAR;

	/** Words for a sentence: "obstetrics gynaecology", "ENT". */
	public String label() {
		return (this == ENT) ? "ENT" : name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

}
