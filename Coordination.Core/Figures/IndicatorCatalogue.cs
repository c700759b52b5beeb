namespace Coordination.Core.Figures;

/// <summary>
/// 指标目录 — every quarterly indicator, defined once. The figures service computes the computed ones, the
/// reported ones are entered by the agencies' leads; the board, /figures, the API, the CLI and the workbook all
/// name indicators by these keys and describe them with these words.
/// </summary>
public static class IndicatorCatalogue
{
    private const string Civil = "civil-affairs";
    private const string Women = "womens-federation";
    private const string Health = "health";
    private const string Education = "education";

    public static readonly IReadOnlyList<string> AgencyOrder = [Civil, Women, Health, Education];

    public static string RegisterKey(ChildCategory c) => "register." + c.Key();

    public static string EnrolledKey(ChildCategory c) => "enrolled." + c.Key();

    public static string ScreeningsKey(ScreeningKind k) => "screenings." + k.Key();

    public const string HighRisk = "children.high-risk";
    public const string ReferralsSent = "referrals.sent";
    public const string ReferralsAccepted = "referrals.accepted";
    public const string ReferralsDeclined = "referrals.declined";
    public const string ReferralsCompleted = "referrals.completed";
    public const string ReferralsCompletedOnTime = "referrals.completed-on-time";
    public const string ReferralsOverdue = "referrals.overdue";
    public const string ReferralsMedianHoursToAccept = "referrals.median-hours-to-accept";
    public const string MicroWishes = "micro-wishes.fulfilled";
    public const string MicroWishChildren = "micro-wishes.children";
    public const string HopeCabins = "hope-cabins.completed";
    public const string HopeCabinsTarget = "hope-cabins.target";
    public const string SaturdayAttendances = "saturday-class.attendances";
    public const string SaturdayTownships = "saturday-class.townships";
    public const string GoldenAutumnPupils = "golden-autumn.pupils";
    public const string GoldenAutumnYuan = "golden-autumn.yuan";
    public const string GreenChannel = "green-channel.cases";
    public const string InsuranceCases = "insurance-reduction.cases";
    public const string InsuranceYuan = "insurance-reduction.yuan";
    public const string Counselling = "counselling.sessions";
    public const string Pairings = "pairings.active";
    public const string HomeVisits = "home-visits";
    public const string FiveClearsComplete = "five-clears.complete";
    public const string FiveClearsPercent = "five-clears.percent";
    public const string ContactCards = "contact-cards.issued";
    public const string Donations = "reported.donations-yuan";
    public const string ParentSchools = "reported.parent-schools";
    public const string YouthPalaces = "reported.youth-palaces";
    public const string Workstations = "reported.workstations";
    public const string ServiceStations = "reported.service-stations";
    public const string Volunteers = "reported.volunteers";

    private static readonly (ChildCategory Category, string Zh, string En)[] Categories =
    [
        (ChildCategory.LeftBehind, "留守儿童", "left-behind children"),
        (ChildCategory.InDifficulty, "困境儿童", "children in difficulty"),
        (ChildCategory.DeFactoUnsupported, "事实无人抚养儿童", "de facto unsupported children"),
        (ChildCategory.Orphan, "孤儿", "orphans"),
        (ChildCategory.LowIncome, "低保家庭儿童", "children of low-income households"),
        (ChildCategory.Disabled, "残疾儿童", "disabled children"),
        (ChildCategory.SeriouslyIll, "重病儿童", "seriously ill children"),
    ];

    private static readonly (ScreeningKind Kind, string Agency, string Zh, string En)[] Kinds =
    [
        (ScreeningKind.Household, Civil, "常态化摸排", "routine household screenings"),
        (ScreeningKind.Psychological, Women, "心理筛查", "psychological screenings"),
        (ScreeningKind.HealthCheck, Health, "健康体检", "health checks"),
        (ScreeningKind.SchoolSurvey, Education, "在校摸底", "school surveys"),
    ];

    public static readonly IReadOnlyList<Indicator> All = Build();

    private static readonly Dictionary<string, Indicator> ByKey = All.ToDictionary(i => i.Key);

    public static Indicator Get(string key) => ByKey[key];

    public static bool TryGet(string key, out Indicator indicator) => ByKey.TryGetValue(key, out indicator!);

    public static IEnumerable<Indicator> Computed => All.Where(i => i.IsComputed);

    public static IEnumerable<Indicator> Reported => All.Where(i => !i.IsComputed);

    public static IEnumerable<Indicator> OfAgency(string agencyKey) => All.Where(i => i.AgencyKey == agencyKey);

    private static List<Indicator> Build()
    {
        var list = new List<Indicator>();
        void Add(string key, string zh, string en, string agency, IndicatorUnit unit, string def, string defEn, bool additive = true) =>
            list.Add(new Indicator(key, zh, en, agency, unit, def, defEn, IndicatorSource.Computed, additive));
        void Report(string key, string zh, string en, string agency, IndicatorUnit unit, string def, string defEn) =>
            list.Add(new Indicator(key, zh, en, agency, unit, def, defEn, IndicatorSource.Reported, Additive: false));

        foreach (var (c, zh, en) in Categories)
        {
            Add(RegisterKey(c), "季末在册" + zh, en + " on the register at quarter end", Civil, IndicatorUnit.Persons,
                $"季度最后一日（含）以前纳入“{zh}”类别、且至该日未结案（未合并）的儿童人数；一人多类各计一次。",
                $"Children enrolled in the category on or before the quarter's last day and not closed (or merged) by then; a child in two categories counts in both.");
        }
        foreach (var (c, zh, en) in Categories)
        {
            Add(EnrolledKey(c), "本季新纳入" + zh, en + " newly enrolled", Civil, IndicatorUnit.Persons,
                $"纳入“{zh}”类别的日期在本季度内的儿童人数（不含已合并的重复档案）。",
                "Children whose enrolment date in the category falls within the quarter (merged duplicate records excluded).");
        }
        foreach (var (k, agency, zh, en) in Kinds)
        {
            Add(ScreeningsKey(k), zh + "人次", en, agency, IndicatorUnit.PersonTimes,
                $"筛查日期在本季度内的{zh}记录条数，每条计一人次。",
                "Screenings of this kind dated within the quarter; each record counts once.");
        }
        Add(HighRisk, "季末高风险及以上儿童", "children at high or urgent risk at quarter end", Civil, IndicatorUnit.Persons,
            "季末在册儿童中，季度最后一日终了时看板所示风险研判（按风险规则由近12个月筛查派生，随筛查即时更新、每6小时复核，每次变化留有记录）为“高”或“紧急”的人数；季末以后的变化不改变本季数字。",
            "Children on the register at quarter end whose risk, as the board showed it at the end of the quarter's last day, was high or urgent (derived by the risk rules from the last 12 months' screenings, updated with each screening and re-checked every six hours; every change is kept); later changes do not move the quarter's figure.");
        Add(ReferralsSent, "发出转介", "referrals sent", Civil, IndicatorUnit.Items,
            "发出时间在本季度内的转介件数（含已撤回）；按儿童所在乡镇分列。",
            "Referrals created within the quarter (withdrawn ones included), by the child's township.");
        Add(ReferralsAccepted, "接收转介", "referrals accepted", Civil, IndicatorUnit.Items,
            "接收时间在本季度内的转介件数。", "Referrals accepted within the quarter.");
        Add(ReferralsDeclined, "退回转介", "referrals declined", Civil, IndicatorUnit.Items,
            "在本季度内被退回（附理由）的转介件数。", "Referrals declined (with a reason) within the quarter.");
        Add(ReferralsCompleted, "办结转介", "referrals completed", Civil, IndicatorUnit.Items,
            "在本季度内办结的转介件数。", "Referrals completed within the quarter.");
        Add(ReferralsCompletedOnTime, "按期办结转介", "referrals completed on time", Civil, IndicatorUnit.Items,
            "在本季度内办结、且办结不晚于办结期限的转介件数。", "Referrals completed within the quarter no later than their completion due time.");
        Add(ReferralsOverdue, "季末超期转介", "referrals overdue at quarter end", Civil, IndicatorUnit.Items,
            "季度最后一日24时仍未办结且已过当前阶段期限的转介件数：未接收而过接收期限，或已接收未办结而过办结期限。",
            "Referrals open at the end of the quarter's last day and past the due time of their stage: not accepted past the acceptance due time, or accepted and not completed past the completion due time.");
        Add(ReferralsMedianHoursToAccept, "转介接收用时中位数", "median hours to accept a referral", Civil, IndicatorUnit.Hours,
            "本季度内接收的转介，自发出至接收所用小时数的中位数；无接收时为0。",
            "The median of the hours from sending to acceptance over referrals accepted within the quarter; 0 when none was accepted.", additive: false);
        Add(MicroWishes, "微心愿圆梦", "micro-wishes fulfilled", Civil, IndicatorUnit.Items,
            "帮扶类型为“微心愿”、日期在本季度内的记录所记个数之和。", "The sum of the counts of micro-wish assistance records dated within the quarter.");
        Add(MicroWishChildren, "微心愿受助儿童", "children helped by micro-wishes", Civil, IndicatorUnit.Persons,
            "本季度内有微心愿帮扶记录的不同儿童人数。", "Distinct children with a micro-wish record dated within the quarter.");
        Add(HopeCabins, "希望小屋建成", "Hope Cabins completed", Civil, IndicatorUnit.Items,
            "帮扶类型为“希望小屋”、日期在本季度内的记录所记个数之和。", "The sum of the counts of Hope Cabin records dated within the quarter.");
        Add(HopeCabinsTarget, "希望小屋目标数", "Hope Cabin target", Civil, IndicatorUnit.Items,
            "季度最后一日仍在实施期内的希望小屋项目目标数之和（全市数，不分乡镇）。",
            "The sum of the targets of Hope Cabin programmes running on the quarter's last day (city-wide, not by township).", additive: false);
        Add(SaturdayAttendances, "周六助学课堂人次", "Saturday-class attendances", Civil, IndicatorUnit.PersonTimes,
            "帮扶类型为“周六助学课堂”、日期在本季度内的记录所记次数之和。", "The sum of the counts of Saturday-class records dated within the quarter.");
        Add(SaturdayTownships, "周六助学课堂覆盖乡镇", "townships covered by Saturday classes", Civil, IndicatorUnit.Items,
            "本季度内至少有一条周六助学课堂记录（按儿童所在乡镇）的乡镇个数；分乡镇为0或1。",
            "Townships with at least one Saturday-class record within the quarter (by the child's township); 0 or 1 per township.");
        Add(GoldenAutumnPupils, "金秋助学受助学生", "Golden-Autumn aid pupils", Civil, IndicatorUnit.Persons,
            "本季度内有金秋助学记录的不同儿童人数。", "Distinct children with a Golden-Autumn aid record dated within the quarter.");
        Add(GoldenAutumnYuan, "金秋助学金额", "Golden-Autumn aid", Civil, IndicatorUnit.Yuan,
            "日期在本季度内的金秋助学记录金额之和（元，保留两位小数）。", "The sum of the amounts of Golden-Autumn aid records dated within the quarter, in yuan.");
        Add(GreenChannel, "绿色通道服务", "green-channel cases", Health, IndicatorUnit.Items,
            "帮扶类型为“绿色通道”、日期在本季度内的记录所记件数之和。", "The sum of the counts of green-channel records dated within the quarter.");
        Add(InsuranceCases, "医保减免件数", "insurance reductions", Health, IndicatorUnit.Items,
            "日期在本季度内的医保减免记录条数。", "Insurance-reduction records dated within the quarter.");
        Add(InsuranceYuan, "医保减免金额", "insurance reductions (amount)", Health, IndicatorUnit.Yuan,
            "日期在本季度内的医保减免记录金额之和（元）。", "The sum of the amounts of insurance-reduction records dated within the quarter, in yuan.");
        Add(Counselling, "心理辅导人次", "counselling sessions", Women, IndicatorUnit.PersonTimes,
            "帮扶类型为“心理辅导”、日期在本季度内的记录所记次数之和。", "The sum of the counts of counselling records dated within the quarter.");
        Add(Pairings, "结对帮扶儿童", "children in active pairings", Women, IndicatorUnit.Persons,
            "本季度内有结对帮扶记录的不同儿童人数。", "Distinct children with a pairing record dated within the quarter.");
        Add(HomeVisits, "入户走访人次", "home visits", Women, IndicatorUnit.PersonTimes,
            "各部门帮扶类型为“入户走访”、日期在本季度内的记录所记次数之和。", "The sum of the counts of home-visit records of every agency dated within the quarter.");
        Add(FiveClearsComplete, "“五个清楚”齐全的留守儿童", "left-behind children with the five clears complete", Education, IndicatorUnit.Persons,
            "季末在册留守儿童中，档案“五个清楚”五项均已填写的人数（以档案现状为准）。",
            "Left-behind children on the register at quarter end whose file has all five clears filled in (as the file stands now).");
        Add(FiveClearsPercent, "“五个清楚”齐全率", "five clears complete", Education, IndicatorUnit.Percent,
            "上项人数占季末在册留守儿童人数的百分比，保留一位小数；无在册留守儿童时为0。",
            "The previous figure as a percentage of left-behind children on the register at quarter end, one decimal; 0 when there are none.", additive: false);
        Add(ContactCards, "发放家校联系卡", "home-school contact cards issued", Education, IndicatorUnit.Items,
            "日期在本季度内、记录已发放家校联系卡的在校摸底筛查条数。", "School-survey screenings dated within the quarter that record a home-school contact card issued.");

        Report(Donations, "社会捐赠", "social donations received", Civil, IndicatorUnit.Yuan,
            "本季度收到的社会捐赠金额（元），由民政局负责人填报。", "Social donations received in the quarter, in yuan; entered by civil affairs' lead.");
        Report(Workstations, "未成年人保护工作站", "minor-protection workstations", Civil, IndicatorUnit.Items,
            "季末运行的市级未成年人保护机构及乡镇工作站个数，由民政局负责人填报。", "Minor-protection institution and township workstations running at quarter end; entered by civil affairs' lead.");
        Report(ServiceStations, "乡镇民政服务站", "township civil-affairs service stations", Civil, IndicatorUnit.Items,
            "季末运行的乡镇（街道）民政服务站个数，由民政局负责人填报。", "Township civil-affairs service stations running at quarter end; entered by civil affairs' lead.");
        Report(ParentSchools, "家长学校、儿童之家", "parent schools and children's homes", Women, IndicatorUnit.Items,
            "季末运行的家长学校和儿童之家个数，由妇联负责人填报。", "Parent schools and children's homes running at quarter end; entered by the women's federation's lead.");
        Report(Volunteers, "村级志愿者", "village volunteers", Women, IndicatorUnit.Persons,
            "季末在册的村级志愿者人数，由妇联负责人填报。", "Village volunteers at quarter end; entered by the women's federation's lead.");
        Report(YouthPalaces, "少年宫", "youth palaces", Education, IndicatorUnit.Items,
            "季末运行的乡村少年宫个数，由教育局负责人填报。", "Youth palaces running at quarter end; entered by the education bureau's lead.");
        return list;
    }
}
