/// The evaluation standard of 篇九 附件1 (市中小学校（幼儿园）“一校一品”党建品牌创建评估标准（试行）), as
/// data: 14 items in three groups, each with its maximum and deduction rules, 100 points in all.
/// Item 14 is scored the other way: points per media report by level, up to its maximum.
public struct ScoringStandard: Sendable {
    public struct Item: Sendable {
        public var number: Int
        public var group: String
        public var criteria: String
        public var maximum: Double
        public var rules: String
    }

    public var items: [Item]
    /// Points per media report by level (item 14): 县 1, 市 2, 省 3, 国家 6.
    public var mediaPoints: [String: Double]
    /// The item scored from media reports.
    public var mediaItem: Int
    /// What triggers the veto (一票否决), for the sheet's note.
    public var vetoNote: String

    public var total: Double { items.reduce(0) { $0 + $1.maximum } }

    /// 篇九 附件1.
    public static let programme = ScoringStandard(items: [
        Item(number: 1, group: "创建思想", criteria: "有明确的创建目标、具体可行的创建方案，采取适当方式向群众公布，做出承诺，接受监督", maximum: 5,
             rules: "无创建目标扣1分；无创建方案扣2分；未公开承诺扣2分"),
        Item(number: 2, group: "创建思想", criteria: "党组织负责人注重学习，具有正确的党建思想，没有违纪违法现象，民主测评优秀", maximum: 5,
             rules: "党组织负责人对“一校一品”缺乏了解和思考扣2分；缺少主动发展意识扣1分；测评不合格扣2分"),
        Item(number: 3, group: "创建思想", criteria: "以“一校一品”党建文化特色品牌建设为指向，对党员队伍建设有明确要求和具体举措", maximum: 5,
             rules: "无明确要求的扣2分；无具体举措的扣3分"),
        Item(number: 4, group: "项目要求", criteria: "选定的党建品牌建设项目从自身办学特点或传统优势出发，体现传承与创新，特色鲜明", maximum: 8,
             rules: "未体现学校办学特点或传统优势扣2分；缺少创新扣2分；特色不鲜明扣4分"),
        Item(number: 5, group: "项目要求", criteria: "党建品牌建设项目能促进学校改革和发展，具有较强的时代性、针对性和典型性", maximum: 4,
             rules: "针对性不强扣1分；促进学校发展作用不明显扣2分；与主题教育结合不紧扣1分"),
        Item(number: 6, group: "项目要求", criteria: "党建品牌建设项目适宜于绝大多数党员教师参与，具有较强的普遍性和可操作性", maximum: 5,
             rules: "不适合大多数党员教师参与扣2分；缺乏可操作性扣3分"),
        Item(number: 7, group: "实施过程", criteria: "切实加强对特色品牌建设工作的组织领导，列入重要议事日程，有完整的党员教育管理监督机制和科学的议事决策机制", maximum: 6,
             rules: "组织领导不到位扣2分；未作为年度主要任务扣2分；未纳入议事日程或无会议记录扣2分"),
        Item(number: 8, group: "实施过程", criteria: "结合学校实际，建立并落实推进特色品牌建设的制度和保障措施", maximum: 4,
             rules: "制度不健全扣2分；没有保障措施扣2分"),
        Item(number: 9, group: "实施过程", criteria: "按照品牌建设目标和规划，全面系统、扎实持久地开展品牌建设工作", maximum: 6,
             rules: "创建活动不正常、台账不齐全酌情扣2分；目标规划与学校发展贴得不紧扣4分"),
        Item(number: 10, group: "实施过程", criteria: "加强校园党建阵地建设，党建工作制度上墙，有单独规范的党员活动室，“三会一课”制度坚持经常", maximum: 6,
             rules: "无党员活动室及制度未上墙扣6分；无单独活动室及“三会一课”不经常扣4分；活动室不规范扣2分"),
        Item(number: 11, group: "实施过程", criteria: "围绕品牌建设目标落实经费保障，提供充足的物质条件，开展内容丰富、形式多样的品牌建设活动", maximum: 14,
             rules: "经费保障不到位扣3分；活动开展不及时一次扣6分；内容简单扣5分"),
        Item(number: 12, group: "建设成效", criteria: "品牌建设密切结合教育教学实际，党组织特色鲜明，党员发展成效显著，党员素质整体提升", maximum: 10,
             rules: "脱离教育教学实际扣5分；联系不密切酌情扣分；特色不明显扣2分；参与率不高一人次扣0.5分"),
        Item(number: 13, group: "建设成效", criteria: "在校园网或宣传橱窗中建有品牌建设专题栏目，建设成效被全校师生、社会普遍认可", maximum: 10,
             rules: "未建宣传专栏扣4分；未及时更新扣3分；认可度低于80%扣1分，低于70%扣2分"),
        Item(number: 14, group: "建设成效", criteria: "品牌建设成果在县级以上主流媒体上报道，具有一定的知名度、美誉度", maximum: 12,
             rules: "县级媒体、官网报道一次得1分，市级2分，省级3分，国家级6分"),
    ], mediaPoints: ["县": 1, "县级": 1, "区": 1, "官网": 1, "市": 2, "市级": 2, "省": 3, "省级": 3, "国家": 6, "国家级": 6],
       mediaItem: 14,
       vetoNote: "发生重大安全责任事故，发生不规范办学行为并造成严重影响的，各类招生考试、教师职业道德、党风廉政建设出现问题造成恶劣影响的，实行“一票否决”")
}
