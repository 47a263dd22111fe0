package uk.nhsjob.ingest.normalise;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vocabulary.Specialty;

/**
 * The clinical specialties a title or a specialty field names, with their common synonyms
 * and abbreviations (phrases as {@link Words} matches them).
 */
final class Specialties {

	private static final Map<Specialty, String[]> SYNONYMS = new EnumMap<>(Specialty.class);

	static {
		SYNONYMS.put(Specialty.ANAESTHETICS, new String[] { "anaesthe*", "anesthe*", "pain management" });
		SYNONYMS.put(Specialty.CARDIOLOGY, new String[] { "cardio*", "cardiac", "heart" });
		SYNONYMS.put(Specialty.CRITICAL_CARE,
				new String[] { "critical care", "intensive care", "icu", "itu", "hdu", "high dependency" });
		SYNONYMS.put(Specialty.DERMATOLOGY, new String[] { "dermatolog*", "skin" });
		SYNONYMS.put(Specialty.EMERGENCY_MEDICINE,
				new String[] { "emergency*", "a and e", "accident and emergency", "urgent care" });
		SYNONYMS.put(Specialty.ENDOCRINOLOGY, new String[] { "endocrin*", "diabet*", "thyroid" });
		SYNONYMS.put(Specialty.ENT,
				new String[] { "ent", "ear nose and throat", "otolaryngolog*", "otorhinolaryngolog*", "audiolog*" });
		SYNONYMS.put(Specialty.GASTROENTEROLOGY, new String[] { "gastro*", "hepatolog*", "endoscop*", "liver" });
		SYNONYMS.put(Specialty.GENERAL_MEDICINE,
				new String[] { "general medicine", "acute medicine", "internal medicine", "general medical" });
		SYNONYMS.put(Specialty.GENERAL_PRACTICE, new String[] { "general practice", "gp", "primary care" });
		SYNONYMS.put(Specialty.GENERAL_SURGERY, new String[] { "general surgery", "general surgical", "colorectal",
				"upper gi", "bariatric*", "hepatobiliary", "hpb" });
		SYNONYMS.put(Specialty.HAEMATOLOGY, new String[] { "haematolog*", "hematolog*" });
		SYNONYMS.put(Specialty.MATERNITY,
				new String[] { "maternity", "midwi*", "antenatal", "ante natal", "postnatal", "labour ward" });
		SYNONYMS.put(Specialty.MAXILLOFACIAL,
				new String[] { "maxillofacial", "maxfax", "max fax", "omfs", "oral surgery" });
		SYNONYMS.put(Specialty.MENTAL_HEALTH,
				new String[] { "mental health", "psychiatr*", "psycholog*", "camhs", "learning disabilit*" });
		SYNONYMS.put(Specialty.NEUROLOGY, new String[] { "neurolog*", "stroke" });
		SYNONYMS.put(Specialty.NEUROSURGERY, new String[] { "neurosurg*", "spinal surgery" });
		SYNONYMS.put(Specialty.OBSTETRICS_GYNAECOLOGY, new String[] { "obstetric*", "gynae*", "gynecolog*", "o and g",
				"obs and gynae", "women s health", "womens health" });
		SYNONYMS.put(Specialty.OLDER_PEOPLE, new String[] { "older people", "older adult*", "elderly", "geriatric*",
				"frailty", "medicine for older*" });
		SYNONYMS.put(Specialty.ONCOLOGY,
				new String[] { "oncolog*", "cancer*", "chemotherapy", "radiotherapy", "haem onc" });
		SYNONYMS.put(Specialty.OPHTHALMOLOGY, new String[] { "ophthalm*", "eye", "eyes", "eye clinic" });
		SYNONYMS.put(Specialty.ORTHOPAEDICS,
				new String[] { "orthopaedic*", "orthopedic*", "ortho", "t and o", "fracture clinic" });
		SYNONYMS.put(Specialty.PAEDIATRICS,
				new String[] { "paediatric*", "pediatric*", "children*", "child health", "neonat*" });
		SYNONYMS.put(Specialty.PALLIATIVE_CARE, new String[] { "palliative*", "hospice*", "end of life" });
		SYNONYMS.put(Specialty.PATHOLOGY,
				new String[] { "patholog*", "histopath*", "cytolog*", "microbiolog*", "blood sciences" });
		SYNONYMS.put(Specialty.PLASTIC_SURGERY, new String[] { "plastic surgery", "plastics", "burns" });
		SYNONYMS.put(Specialty.RADIOLOGY, new String[] { "radiolog*", "imaging", "x ray", "mri" });
		SYNONYMS.put(Specialty.RENAL, new String[] { "renal", "nephrolog*", "kidney*", "dialysis" });
		SYNONYMS.put(Specialty.RESPIRATORY,
				new String[] { "respiratory", "chest", "lung*", "pulmonar*", "thoracic medicine" });
		SYNONYMS.put(Specialty.RHEUMATOLOGY, new String[] { "rheumatolog*" });
		SYNONYMS.put(Specialty.SEXUAL_HEALTH,
				new String[] { "sexual health", "gum", "genitourinary", "genito urinary", "hiv" });
		SYNONYMS.put(Specialty.UROLOGY, new String[] { "urolog*" });
		SYNONYMS.put(Specialty.VASCULAR, new String[] { "vascular" });
	}

	private Specialties() {
	}

	/** The specialties named anywhere in the texts, in the vocabulary's order. */
	static List<Specialty> in(@Nullable String... texts) {
		Words words = Words.of(texts);
		List<Specialty> found = new ArrayList<>();
		SYNONYMS.forEach((specialty, synonyms) -> {
			if (words.hasAny(synonyms)) {
				found.add(specialty);
			}
		});
		return List.copyOf(found);
	}

}
