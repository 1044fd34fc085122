using System.Text.Json.Serialization;

namespace TeamsPlans.Plans.Units;

/// <summary>What a unit of the education sector is. The text forms (vi with and without diacritics, en) are in <see cref="UnitKinds"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UnitKind>))]
public enum UnitKind
{
    /// <summary>Sở Giáo dục và Đào tạo (province / city department).</summary>
    Department,
    /// <summary>A phòng (office) inside the Sở: Văn phòng Sở, phòng Giáo dục Trung học, phòng Kế hoạch - Tài chính, …</summary>
    DepartmentOffice,
    /// <summary>Phòng GD&amp;ĐT of a quận / huyện (district level, until 30/06/2025).</summary>
    DistrictOffice,
    /// <summary>UBND cấp xã / phường and its Phòng Văn hóa - Xã hội (from 01/07/2025).</summary>
    Commune,
    /// <summary>Trường trung học phổ thông (THPT).</summary>
    HighSchool,
    /// <summary>Trường trung học cơ sở (THCS).</summary>
    LowerSecondarySchool,
    /// <summary>Trường tiểu học (TH).</summary>
    PrimarySchool,
    /// <summary>Trường mầm non / mẫu giáo (MN).</summary>
    Preschool,
    /// <summary>Trường nhiều cấp học (TH&amp;THCS, THCS&amp;THPT, liên cấp).</summary>
    MultiLevelSchool,
    /// <summary>Trung tâm GDTX / GDNN-GDTX.</summary>
    ContinuingEducationCentre,
    /// <summary>Tổ chuyên môn of a school (Tổ Ngữ văn, Tổ Toán - Tin, …).</summary>
    SubjectGroup,
    /// <summary>Đoàn thể: Công đoàn, Đoàn trường / Đoàn TNCS, Liên đội, Chi bộ.</summary>
    Union,
    /// <summary>Any other unit (printed kind kept in the name).</summary>
    Other,
}
